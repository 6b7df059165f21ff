"""The one error the importer lets out: a message a clerk can act on."""


class DocumentError(Exception):
    """The document cannot be read; ``str(error)`` says what is wrong and what to do."""
