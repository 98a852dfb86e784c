"""Every writer of an action (its workflow, the admin, the demo, a bulk import) must leave its
recommendation's progress right, so it is kept in step here rather than in each of them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from actions.models import Action


@receiver([post_save, post_delete], sender=Action, dispatch_uid="action_recommendation_progress")
def _recommendation_progress(sender, instance, **kwargs):
    from actions.services import recommendation_progress_sync
    from reviews.models import Recommendation

    recommendation = Recommendation.objects.filter(pk=instance.recommendation_id).first()
    if recommendation is not None:
        recommendation_progress_sync(recommendation=recommendation)


@receiver([post_save, post_delete], sender=Action, dispatch_uid="action_plan_version")
def _plan_version(sender, instance, **kwargs):
    from actions.models import PlanSettings

    PlanSettings.version_raise()
