"""Settings of the sanitize plugin and their defaults."""

DEFAULTS = {
    # Clean the HTML of every content object (body and summary). Switching it
    # off is only for debugging: member text would be trusted as code.
    "SANITIZE_ENABLED": True,
}
