"""The Home tab's Block Kit: within Slack's limits however much there is, trimmed visibly."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.models.views import View

from bot.home.parts import Home, HomeArea, HomeRow
from bot.kernel.replies import Button, say
from handlers.slack.home import fair_shares, home_view, pressed
from tests.fakes.block_kit import validate_home_view
from tests.fakes.slack_api import FakeSlack
from tests.unit.handlers.slack.test_blocks import BUTTONS, REPLIES, TEXT, as_slack_models, texts


def area(name: str, rows: int, buttons: int) -> HomeArea:
    return HomeArea(
        heading=name,
        rows=tuple(
            HomeRow(
                f"{name} {n}",
                tuple(Button(f"B{b}", f"{name}.b{b}", str(n)) for b in range(buttons)),
            )
            for n in range(rows)
        ),
        empty=f"no {name}",
        buttons=(Button("Add", f"{name}.add", "1"),),
    )


@pytest.mark.parametrize(
    ("wanted", "room", "shares"),
    [
        ([0, 3, 60, 200, 40], 38, [0, 3, 12, 12, 11]),
        ([2, 2], 38, [2, 2]),
        ([50], 38, [38]),
        ([], 38, []),
        ([5, 5, 5], 2, [1, 1, 0]),
    ],
)
def test_room_is_shared_fairly(wanted: list[int], room: int, shares: list[int]) -> None:
    assert fair_shares(wanted, room) == shares
    assert sum(shares) <= room


def test_a_crowded_home_stays_within_100_blocks_and_counts_what_it_hides() -> None:
    sizes = {"pending": 0, "pairs": 3, "sessions": 60, "actions": 200, "goals": 40}
    home = Home(
        title="Home",
        intro="Only you",
        areas=tuple(
            area(name, rows, 3 if name == "sessions" else 1) for name, rows in sizes.items()
        ),
        more="…and {hidden} more",
        notice=say("Done", is_error=True),
    )
    view = home_view(home)
    assert validate_home_view(view) == []
    assert len(view["blocks"]) <= 100
    texts = [
        element["text"]
        for block in view["blocks"]
        if block["type"] == "context"
        for element in block["elements"]
    ]
    assert "no pending" in texts
    hidden = [int(m.group(1)) for t in texts if (m := re.fullmatch(r"…and (\d+) more", t))]
    sections = [b["text"]["text"] for b in view["blocks"] if b["type"] == "section"]
    assert sections[0] == ":warning: Done"
    shown = len(sections) - 1
    assert shown + sum(hidden) == sum(sizes.values())
    assert len(hidden) == 3  # sessions, actions and goals were trimmed; every area kept rows


def test_home_buttons_carry_the_core_action() -> None:
    view = home_view(Home(title="H", intro="", areas=(area("goal", 1, 1),), more="{hidden}"))
    [accessory] = [b["accessory"] for b in view["blocks"] if "accessory" in b]
    assert accessory["action_id"] == "home:goal.b0:0" and accessory["value"] == "0"
    assert pressed(accessory["action_id"]) == "goal.b0"


@pytest.fixture
def client() -> Iterator[tuple[FakeSlack, WebClient]]:
    with FakeSlack() as fake:
        fake.add_user("UCLAIRE", name="claire")
        yield fake, WebClient(token="xoxb-test", base_url=fake.base_url)


def test_views_publish_checks_the_home_view(client: tuple[FakeSlack, WebClient]) -> None:
    fake, web = client
    section = {"type": "section", "text": {"type": "mrkdwn", "text": "Hi"}}
    published = web.views_publish(user_id="UCLAIRE", view={"type": "home", "blocks": [section]})
    assert published["view"]["type"] == "home"
    assert fake.home_of("UCLAIRE") == published["view"]
    for user, view, error in [
        ("UCLAIRE", {"type": "home", "blocks": [section] * 101}, "invalid_arguments"),
        ("UCLAIRE", {"type": "modal", "blocks": [section]}, "invalid_arguments"),
        ("UCLAIRE", {"type": "home", "title": "x", "blocks": []}, "invalid_arguments"),
        ("UNOBODY", {"type": "home", "blocks": [section]}, "user_not_found"),
    ]:
        with pytest.raises(SlackApiError) as rejected:
            web.views_publish(user_id=user, view=view)
        assert rejected.value.response["error"] == error
    assert fake.home_of("UCLAIRE") == published["view"]
    with pytest.raises(SlackApiError) as stale:
        web.views_publish(user_id="UCLAIRE", view={"type": "home", "blocks": []}, hash="old")
    assert stale.value.response["error"] == "hash_conflict"


SHORT = texts(150)
ROWS = st.builds(HomeRow, text=TEXT, buttons=st.lists(BUTTONS, max_size=4).map(tuple))
AREAS = st.builds(
    HomeArea,
    heading=SHORT,
    rows=st.lists(ROWS, max_size=30).map(tuple),
    empty=SHORT,
    buttons=st.lists(BUTTONS, max_size=3).map(tuple),
)
HOMES = st.builds(
    Home,
    title=SHORT,
    intro=SHORT,
    areas=st.lists(AREAS, max_size=4).map(tuple),
    more=st.just("…and {hidden} more"),
    notice=st.none() | REPLIES,
)


# A full Home is a hundred blocks to draw and read back: slow to make on a busy machine.
@settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(HOMES)
def test_any_home_renders_a_view_slack_s_models_accept(home: Home) -> None:
    view = home_view(home)
    model = View(**view)
    model.validate_json()
    as_slack_models(view["blocks"])
