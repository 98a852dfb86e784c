"""Checks on uploaded files: they are printed into PDFs and offered for download, so only
the expected kind of file, of a sensible size, is accepted."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

MB = 1024 * 1024


@deconstructible
class MaxFileSize:
    def __init__(self, megabytes: int):
        self.megabytes = megabytes

    def __call__(self, file):
        if file.size > self.megabytes * MB:
            raise ValidationError(
                f"The file is {file.size / MB:.1f} MB; the most allowed is {self.megabytes} MB."
            )

    def __eq__(self, other):
        return isinstance(other, MaxFileSize) and other.megabytes == self.megabytes


def _starts_with(file, signatures) -> bool:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(8)
    file.seek(position)
    return any(head.startswith(signature) for signature in signatures)


def validate_pdf(file):
    """A report must really be a PDF, whatever its name says."""
    if not file.name.lower().endswith(".pdf") or not _starts_with(file, [b"%PDF-"]):
        raise ValidationError("Upload the full report as a PDF file.")


def validate_logo(file):
    """PNG or JPEG only: no SVG, which can carry script, and no other formats WeasyPrint may mishandle.

    Its pixels are limited too, read from the header without decoding the image: a tiny file
    can hold a picture that takes gigabytes to decode (see reviews/logos.py).
    """
    from reviews.logos import LogoTooLarge, logo_size

    if not _starts_with(file, [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff"]):
        raise ValidationError("The logo must be a PNG or JPEG image.")
    try:
        logo_size(file)
    except LogoTooLarge as error:
        raise ValidationError(str(error)) from error
    except (OSError, ValueError) as error:  # Pillow's UnidentifiedImageError is an OSError
        raise ValidationError("The logo must be a PNG or JPEG image.") from error
