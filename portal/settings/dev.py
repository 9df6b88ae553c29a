from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = ["*"]
# The demo users have no authenticator app: two-factor is offered, not required (production requires it).
LOTSA_REQUIRE_MFA = env_bool("LOTSA_REQUIRE_MFA", False)
