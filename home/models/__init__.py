"""home's models, one module per kind of thing (pages, site settings and snippets, services…)."""
from home.models.pages import *  # noqa: F401,F403
from home.models.places import *  # noqa: F401,F403,E402
from home.models.services import *  # noqa: F401,F403,E402
