from reviews.models import Review


class PublishedContent(Review):
    """The admin's entry for the spreadsheet of published, public content: no table of its own.

    Who may download it follows the right to view reviews (archive/admin.py), so it brings no
    permissions of its own for the roles to grant.
    """

    class Meta:
        proxy = True
        default_permissions = ()
        verbose_name = "published content spreadsheet"
        verbose_name_plural = "published content spreadsheet"
