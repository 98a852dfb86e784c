from django.apps import AppConfig


class WorkbooksConfig(AppConfig):
    """Reviews brought in from a board's spreadsheet."""

    name = "workbooks"
