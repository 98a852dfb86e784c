"""Errors the API answers with: always JSON, always with a ``detail`` a person can read."""

from rest_framework.exceptions import APIException


class InvalidParameters(APIException):
    """400 with one message per parameter that could not be used."""

    status_code = 400
    default_code = "invalid"

    def __init__(self, errors: dict):
        super().__init__({"detail": "Some parameters could not be used: see errors.", "errors": errors})
