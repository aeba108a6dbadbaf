"""The one error type every command turns into a one-line message and exit code 2."""


class UsageError(Exception):
    """A problem with the input, the options or the configuration; the message is one line for the user."""
