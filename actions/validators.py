"""Evidence files are offered for download to the board and the owning agency: only documents and
pictures of the expected kind, of a sensible size, are accepted (the same idea as a review's report)."""

from django.core.exceptions import ValidationError

from reviews.validators import MaxFileSize, _starts_with

__all__ = ["EVIDENCE_HELP", "MaxFileSize", "validate_evidence"]

EVIDENCE_HELP = "A PDF, Word (.docx), Excel (.xlsx), PNG or JPEG file of at most 10 MB."

# What each accepted name ending must start with: Word and Excel files are ZIP archives.
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
}

CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
}


def extension(name: str) -> str:
    return "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""


def validate_evidence(file):
    """The file must really be what its name says, and one of the accepted kinds."""
    signatures = SIGNATURES.get(extension(file.name))
    if signatures is None or not _starts_with(file, signatures):
        raise ValidationError(
            f"“{file.name}” is not accepted as evidence. {EVIDENCE_HELP.replace('A PDF', 'Upload a PDF')}"
        )
