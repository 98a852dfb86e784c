"""The board's roles, as permission groups. Changing a role's permissions needs a data migration."""

OFFICER = "Board officer"
MANAGER = "Board manager"
PRACTITIONER = "Practitioner"
# An agency's or board group's lead: reports on their own group's actions on the site, never the admin.
ACTION_OWNER = "Action owner"
STAFF_ROLES = {OFFICER, MANAGER}

_ALL = ["add", "change", "view", "delete"]
_FINDINGS = ["child", "practicearea", "keyissue", "positivefactor", "lesson", "recommendation"]

OFFICER_PERMISSIONS = [
    "reviews.add_review",
    "reviews.change_review",
    "reviews.view_review",
    # Only their own drafts, never submitted (reviews.admin): a manager may delete any draft.
    "reviews.delete_review",
    "reviews.submit_review",
    *[f"reviews.{action}_{model}" for model in [*_FINDINGS, "ownergroup", "theme"] for action in _ALL],
    "reviews.add_service",
    "reviews.change_service",
    "reviews.view_service",
    "reviews.view_boardprofile",
    "reviews.change_boardprofile",
    *[
        f"briefings.{action}_{model}"
        for model in ["newsletter", "newsletterreview", "newsletterlink"]
        for action in _ALL
    ],
    "briefings.submit_newsletter",
    *[
        f"actions.{action}_{model}"
        for model in ["action", "ownermembership", "boardresponse"]
        for action in _ALL
    ],
    "actions.view_progressupdate",
    "actions.add_progressupdate",
    "actions.report_action",
    "actions.view_plansettings",
    "actions.view_reminder",
    *[f"cases.{action}_{model}" for model in ["casechild", "caseagency", "progresscheck"] for action in _ALL],
    "cases.add_case",
    "cases.change_case",
    "cases.view_case",
    "cases.propose_decision",
    "cases.view_casesettings",
    "cases.view_remindersent",
    # Safe and sensitive words decide what the publication check lets through: managers keep them.
    "disclosure.view_term",
    "disclosure.view_disclosureacceptance",
]
ACTION_OWNER_PERMISSIONS = [
    "actions.view_action",
    "actions.report_action",
    "actions.view_progressupdate",
    "actions.add_progressupdate",
]
MANAGER_PERMISSIONS = [
    *OFFICER_PERMISSIONS,
    "reviews.add_boardprofile",
    "reviews.publish_review",
    "briefings.publish_newsletter",
    "actions.sign_off_action",
    "actions.publish_boardresponse",
    "actions.change_plansettings",
    "actions.add_plansettings",
    # Agreeing a rapid review's decision is a manager's, never its proposer's (cases.workflow).
    "cases.decide_case",
    "cases.delete_case",
    "cases.change_casesettings",
    "cases.add_casesettings",
    "disclosure.add_term",
    "disclosure.change_term",
    "disclosure.delete_term",
    # Sign-in records hold people's addresses and browsers: only managers read them.
    # Deleting a lock-out record unlocks the account.
    "axes.view_accessattempt",
    "axes.view_accessfailurelog",
    "axes.view_accesslog",
    "axes.delete_accessattempt",
]
# Practitioners read partner-only content because they are signed in; they need no permission.
ROLES = {
    OFFICER: OFFICER_PERMISSIONS,
    MANAGER: MANAGER_PERMISSIONS,
    PRACTITIONER: [],
    ACTION_OWNER: ACTION_OWNER_PERMISSIONS,
}


def roles_sync(apps, roles=ROLES):
    """Create the role groups and give each exactly its permissions (used by data migrations).

    A permission of an app whose models do not exist yet at this point of the migrations is
    left out: that app's own roles migration, which runs once its models exist, calls this again.
    """
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations; a data migration needs them now.
    for app_config in apps.get_app_configs():
        models_module, app_config.models_module = getattr(app_config, "models_module", None), True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in roles.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for dotted in permissions:
            app_label, codename = dotted.split(".")
            if not _has_models(apps, app_label):
                continue
            found = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            permission = found.first()
            # None: a model a later migration of the app adds; that app's next roles migration gives it.
            if permission is not None:
                wanted.append(permission)
        group.permissions.set(wanted)


def _has_models(apps, app_label) -> bool:
    try:
        return any(True for _ in apps.get_app_config(app_label).get_models())
    except LookupError:
        return False
