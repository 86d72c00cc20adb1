"""Every form of the bot, one module each: its fields and what submitting it does.

A new form is a new module here defining `FORM`; the platforms draw and read it generically.
"""

from __future__ import annotations

import importlib
import pkgutil

from bot.form_model import FormSpec

FORMS: dict[str, FormSpec] = {}
for _module in pkgutil.iter_modules(__path__):
    _form: FormSpec = importlib.import_module(f"{__name__}.{_module.name}").FORM
    FORMS[_form.name] = _form
