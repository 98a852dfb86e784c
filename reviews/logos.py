"""The board's logo: small enough to print on every PDF without exhausting the server.

A PNG of a single colour compresses enormously: 13,000 × 13,000 pixels fit in half a
megabyte and take over a gigabyte to decode. The logo is therefore judged by its pixels,
read from the file's header without decoding it, and stored at the size a letterhead needs.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_SIDE = 4000
LETTERHEAD_SIDE = 1200
FORMATS = {"PNG": "image/png", "JPEG": "image/jpeg"}

# Pillow refuses to open anything over twice this many pixels (a DecompressionBombError)
# before decoding a byte of it. Logos are the only images this project opens.
Image.MAX_IMAGE_PIXELS = MAX_SIDE * MAX_SIDE

TOO_LARGE = (
    f"The logo is too large: it may be at most {MAX_SIDE:,} × {MAX_SIDE:,} pixels. "
    f"A letterhead needs no more than {LETTERHEAD_SIDE:,} pixels across."
)


class LogoTooLarge(ValueError):
    pass


def logo_size(file) -> tuple[int, int]:
    """Width and height from the image's header; the pixels themselves are not decoded.

    Raises LogoTooLarge over the limit, and UnidentifiedImageError or OSError for a file
    that is not an image.
    """
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with Image.open(file) as image:  # lazy: reads the header only
            width, height = image.size
    except Image.DecompressionBombError as error:
        raise LogoTooLarge(TOO_LARGE) from error
    finally:
        file.seek(position)
    if width > MAX_SIDE or height > MAX_SIDE:
        raise LogoTooLarge(TOO_LARGE)
    return width, height


def logo_fit_for_letterhead(file) -> ContentFile | None:
    """A copy no larger than a letterhead needs, or None when the upload is already small enough."""
    try:
        width, height = logo_size(file)
    except (LogoTooLarge, UnidentifiedImageError, OSError):
        return None  # the validators refuse it with a message; nothing to fit
    if width <= LETTERHEAD_SIDE and height <= LETTERHEAD_SIDE:
        return None
    file.seek(0)
    with Image.open(file) as image:
        image_format = image.format
        if image_format not in FORMATS:
            return None
        image = ImageOps.exif_transpose(image)
        image.thumbnail((LETTERHEAD_SIDE, LETTERHEAD_SIDE))
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        output = io.BytesIO()
        image.save(output, image_format, optimize=True)
    file.seek(0)
    return ContentFile(output.getvalue())
