"""What is owed and when: the sessions a pair has ahead, the notifications each
owes, their kinds and timings."""
