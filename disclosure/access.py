"""Who may see the publication check's pages: the same rule as every staff-only page
(``reviews.staff_pages``), with the permission to read accepted findings."""

from reviews.staff_pages import staff_only

VIEW_CHECKS = "disclosure.view_disclosureacceptance"

check_staff_only = staff_only(VIEW_CHECKS)
