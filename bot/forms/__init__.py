"""Forms and buttons: what each submission and press does, on any platform.

Every module here but the router declares one form (`FORM`: its fields and what submitting it
does); a new form is a new module here, which every platform then draws and reads.
"""

from __future__ import annotations

import importlib
import pkgutil

from bot.kernel.form_model import FormSpec
from bot.people.actor import ActorContext

ROUTER = "router"
FORMS: dict[str, FormSpec[ActorContext]] = {}
for _module in pkgutil.iter_modules(__path__):
    if _module.name != ROUTER:
        _form: FormSpec[ActorContext] = importlib.import_module(f"{__name__}.{_module.name}").FORM
        FORMS[_form.name] = _form
