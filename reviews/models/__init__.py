from reviews.models.board import BoardProfile
from reviews.models.counts import FacetCount, ReviewTally
from reviews.models.findings import KeyIssue, Lesson, PositiveFactor, Recommendation
from reviews.models.lists import OwnerGroup, Service, Theme
from reviews.models.practice import PracticeArea
from reviews.models.review import Child, Review
from reviews.models.revision import Revision
from reviews.models.version import ContentVersion, SearchChange

__all__ = [
    "BoardProfile",
    "Child",
    "ContentVersion",
    "FacetCount",
    "KeyIssue",
    "Lesson",
    "OwnerGroup",
    "PositiveFactor",
    "PracticeArea",
    "Recommendation",
    "Review",
    "ReviewTally",
    "Revision",
    "SearchChange",
    "Service",
    "Theme",
]
