"""Nothing goes public on one person's word: approving after changing, deleting, a theme's guidance."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from reviews.models import OwnerGroup, Review, Service, Theme
from reviews.publication import review_transition, theme_guidance_transition
from tests.factories import (
    LessonFactory,
    ManagerFactory,
    OfficerFactory,
    RecommendationFactory,
    ReviewFactory,
    SuperuserFactory,
    ThemeFactory,
)
from tests.reviews.test_history_and_concurrency import edit_form

pytestmark = pytest.mark.django_db

AWAITING, PUBLISHED = Review.State.AWAITING_APPROVAL, Review.State.PUBLISHED


def submitted(by):
    return review_transition(
        review=ReviewFactory(state=Review.State.DRAFT, published_on=None), name="submit", by=by
    )


def test_a_manager_who_changed_a_submitted_review_cannot_approve_it(client):
    officer, manager = OfficerFactory(), ManagerFactory()
    review = submitted(officer)
    client.force_login(manager)
    url = reverse("admin:reviews_review_change", args=[review.pk])
    response = client.post(url, edit_form(review, review.version, summary="The manager's own words."))
    assert response.status_code == 302

    page = client.get(reverse("admin:reviews_review_transition", args=[review.pk, "publish"]))
    assert "You changed this review after it was submitted, so another board manager must approve it" in (
        page.text
    )
    with pytest.raises(PermissionDenied, match="You changed this review after it was submitted"):
        review_transition(review=review, name="publish", by=manager)
    review.refresh_from_db()
    assert review.state == AWAITING

    other_manager = ManagerFactory()
    assert review_transition(review=review, name="publish", by=other_manager).state == PUBLISHED


def test_changing_a_lesson_inside_a_submitted_review_also_counts_as_a_change():
    officer, manager = OfficerFactory(), ManagerFactory()
    review = submitted(officer)
    lesson = LessonFactory(review=review, text="As submitted.")
    lesson.text, lesson._history_user = "Rewritten by the approver.", manager
    lesson.save()
    with pytest.raises(PermissionDenied, match="You changed this review after it was submitted"):
        review_transition(review=review, name="publish", by=manager)


def test_a_manager_who_edited_the_draft_before_it_was_submitted_may_approve_it():
    officer, manager = OfficerFactory(), ManagerFactory()
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    review.summary, review._history_user = "Edited in draft.", manager
    review.save()
    review = review_transition(review=review, name="submit", by=officer)
    assert review_transition(review=review, name="publish", by=manager).state == PUBLISHED


def test_a_transition_of_a_review_that_is_not_a_number_is_not_found(client):
    client.force_login(ManagerFactory())
    response = client.get("/admin/reviews/review/abc/transition/publish/")
    assert response.status_code == 404
    assert client.post("/admin/reviews/review/abc/transition/publish/").status_code == 404


# --- deleting --------------------------------------------------------------------------------------


def test_a_published_review_cannot_be_deleted_and_the_admin_says_why(client):
    review = ReviewFactory(state=PUBLISHED, title="Child P: published")
    client.force_login(ManagerFactory())
    url = reverse("admin:reviews_review_delete", args=[review.pk])
    page = client.get(url)
    assert "is published, so it cannot be deleted. Withdraw it with a reason instead" in page.text
    client.post(url, {"post": "yes"})
    assert Review.objects.filter(pk=review.pk).exists()


def test_delete_selected_refuses_published_reviews(client):
    published, draft = ReviewFactory(state=PUBLISHED), ReviewFactory(state=Review.State.DRAFT)
    client.force_login(ManagerFactory())
    data = {"action": "delete_selected", "_selected_action": [published.pk, draft.pk], "post": "yes"}
    page = client.post(reverse("admin:reviews_review_changelist"), data)
    assert "is published, so it cannot be deleted" in page.text
    assert Review.objects.filter(pk__in=[published.pk, draft.pk]).count() == 2


# Officers may delete themes; only a superuser may delete services.
@pytest.mark.parametrize(("model", "person"), [(Theme, OfficerFactory), (Service, SuperuserFactory)])
def test_a_theme_or_service_used_by_reviews_cannot_be_deleted_and_the_admin_says_where(client, model, person):
    entry = model.objects.first()
    review = ReviewFactory(state=Review.State.DRAFT, published_on=None)
    related = "themes" if model is Theme else "services"
    getattr(review, related).add(entry)
    getattr(LessonFactory(review=review), related).add(entry)
    client.force_login(person())
    url = reverse(f"admin:reviews_{model._meta.model_name}_delete", args=[entry.pk])
    page = client.get(url)
    assert f"“{entry}” is used by 1 review and 1 lesson, so it cannot be deleted" in page.text
    client.post(url, {"post": "yes"})
    assert model.objects.filter(pk=entry.pk).exists()


def test_an_owner_group_with_recommendations_cannot_be_deleted(client):
    recommendation = RecommendationFactory()
    group = recommendation.owner_group
    client.force_login(OfficerFactory())
    url = reverse("admin:reviews_ownergroup_delete", args=[group.pk])
    page = client.get(url)
    assert "protected" in page.text and str(recommendation)[:30] in page.text
    client.post(url, {"post": "yes"})
    assert OwnerGroup.objects.filter(pk=group.pk).exists()


# --- a theme's guidance ----------------------------------------------------------------------------


def theme_form(theme, **overrides):
    return {"name": theme.name, "slug": theme.slug, "proposed_guidance": theme.proposed_guidance} | overrides


def test_an_officers_new_guidance_goes_live_only_when_another_manager_approves_it(client):
    theme = ThemeFactory(name="Neglect (test)", slug="neglect-test")
    theme.guidance = "Old guidance."
    theme.save()
    officer, manager = OfficerFactory(), ManagerFactory()
    client.force_login(officer)
    url = reverse("admin:reviews_theme_change", args=[theme.pk])
    response = client.post(url, theme_form(theme, proposed_guidance="New **guidance**.", guidance="Sneaky."))
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.guidance == "Old guidance."  # typing guidance directly does nothing
    assert "Old guidance." in client.get(theme.get_absolute_url()).text

    client.post(reverse("admin:reviews_theme_transition", args=[theme.pk, "propose"]))
    theme.refresh_from_db()
    assert theme.guidance_state == Theme.GuidanceState.PROPOSED
    assert "Approve the new guidance" not in client.get(url).text
    with pytest.raises(PermissionDenied, match="Only a board manager"):
        theme_guidance_transition(theme=theme, name="approve", by=officer)

    client.force_login(manager)
    assert "Approve the new guidance" in client.get(url).text
    client.post(reverse("admin:reviews_theme_transition", args=[theme.pk, "approve"]))
    theme.refresh_from_db()
    assert (theme.guidance, theme.proposed_guidance) == ("New **guidance**.", "")
    assert theme.guidance_decided_by == manager
    assert "<strong>guidance</strong>" in client.get(theme.get_absolute_url()).text


def test_a_manager_cannot_approve_guidance_they_proposed_or_changed():
    author, editor, approver = ManagerFactory(), ManagerFactory(), ManagerFactory()
    theme = ThemeFactory()
    theme.proposed_guidance = "Proposed."
    theme.save()
    theme = theme_guidance_transition(theme=theme, name="propose", by=author)
    with pytest.raises(PermissionDenied, match="You proposed this guidance yourself"):
        theme_guidance_transition(theme=theme, name="approve", by=author)
    theme.proposed_guidance, theme._history_user = "Changed by the editor.", editor
    theme.save()
    with pytest.raises(PermissionDenied, match="You changed this guidance after it was submitted"):
        theme_guidance_transition(theme=theme, name="approve", by=editor)
    assert (
        theme_guidance_transition(theme=theme, name="approve", by=approver).guidance
        == "Changed by the editor."
    )


def test_proposing_guidance_that_is_unchanged_is_refused_plainly():
    from django.core.exceptions import ValidationError

    theme = ThemeFactory()
    with pytest.raises(ValidationError, match="the same as the guidance on the theme page"):
        theme_guidance_transition(theme=theme, name="propose", by=OfficerFactory())
