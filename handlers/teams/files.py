"""Files for a person, in their 1:1 chat, as Teams takes them from bots: a consent card first,
then, once accepted, an upload to their OneDrive and a file card.

The consent card carries no data: its contexts name what makes the file again when the person
accepts: the export command, or the pair whose calendar it is (checked against who accepts).
"""

from __future__ import annotations

import httpx
from microsoft_teams.api.activities import MessageActivityInput
from microsoft_teams.api.models import Attachment, FileConsentCard, FileInfoCard, FileUploadInfo

from bot.kernel.replies import DataFile

CONSENT_TYPE = "application/vnd.microsoft.teams.card.file.consent"
INFO_TYPE = "application/vnd.microsoft.teams.card.file.info"
EXPORT_COMMAND = "my-data"  # the only command whose reply has a file
CALENDAR = "calendar"  # the context key of a pair's calendar file: the pair's id
UPLOAD_TIMEOUT = 60.0


def consent_context(file: DataFile) -> dict[str, object]:
    if file.pair_calendar is not None:
        return {CALENDAR: file.pair_calendar}
    return {"command": EXPORT_COMMAND}


def consent_message(file: DataFile) -> MessageActivityInput:
    """The offer of `file`: its name, size and description; accepting makes it again."""
    size = len(file.content)
    context = consent_context(file)
    card = FileConsentCard(
        description=file.offer or file.name,
        size_in_bytes=size,
        accept_context=context,
        decline_context=context,
    )
    return MessageActivityInput(
        attachments=[Attachment(content_type=CONSENT_TYPE, name=file.name, content=card)]
    )


def info_message(upload: FileUploadInfo) -> MessageActivityInput:
    """The uploaded file, as a card the person opens, previews or downloads."""
    card = FileInfoCard(unique_id=upload.unique_id, file_type=upload.file_type)
    attachment = Attachment(
        content_type=INFO_TYPE, content_url=upload.content_url, name=upload.name, content=card
    )
    return MessageActivityInput(attachments=[attachment])


async def upload(url: str, content: bytes) -> str | None:
    """PUT `content` in one range to the upload session Teams gave (pre-authorised: no token);
    None when done, else a short reason."""
    size = len(content)
    headers = {"Content-Length": str(size), "Content-Range": f"bytes 0-{size - 1}/{size}"}
    try:
        async with httpx.AsyncClient(timeout=UPLOAD_TIMEOUT) as client:
            response = await client.put(url, content=content, headers=headers)
    except httpx.HTTPError as error:
        return type(error).__name__
    return None if response.is_success else f"HTTP {response.status_code}"
