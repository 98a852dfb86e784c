from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from simple_history.models import HistoricalRecords


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username):
        # People type their address in any case; it is stored in lower case (see User.clean).
        return self.get(email__iexact=(username or "").strip())

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in with their e-mail address: board staff or a partner practitioner."""

    username = None
    email = models.EmailField("e-mail address", unique=True)
    organisation = models.CharField(
        max_length=200, blank=True, help_text="The agency or service this person works for."
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()
    # Who was given which role, and by whom; passwords are never copied into the history.
    history = HistoricalRecords(
        m2m_fields=[AbstractUser.groups.field],
        excluded_fields=["password", "last_login"],
    )

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="user_email_unique_in_any_case",
                violation_error_message="An account with this e-mail address already exists.",
            )
        ]

    def clean(self):
        super().clean()
        self.email = self.email.strip().lower()

    def __str__(self):
        return self.get_full_name() or self.email
