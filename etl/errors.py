"""The one exception type that marks a document as rejected, with its stage and reason."""


class Rejected(Exception):
    """A document that cannot become an article; `reason` is one line meant for people."""

    def __init__(self, stage: str, reason: str) -> None:
        super().__init__(reason)
        self.stage = stage
        self.reason = reason
