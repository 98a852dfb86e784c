"""A model's check constraints evaluated in Python, for thousands of records at once.

``Model.full_clean`` checks each ``CheckConstraint`` with a query of its own (Django asks the
database to evaluate the condition): a review has fourteen, so a workbook of 1,000 reviews
and 10,000 lessons cost tens of thousands of queries before anything was written. The
project's constraints are simple conditions (a length at most, a value in a list, a field
null or not, one date after another), which are read here and evaluated on the instance;
any condition of another shape falls back to Django's own check, so no rule is skipped.
The database still enforces every constraint when the record is saved.
"""

from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, F, Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

OPERATORS = {
    "exact": lambda a, b: a == b,
    "in": lambda a, b: a in b,
    "isnull": lambda a, b: (a is None) == b,
    "gte": lambda a, b: a is not None and b is not None and a >= b,
    "lte": lambda a, b: a is not None and b is not None and a <= b,
    "gt": lambda a, b: a is not None and b is not None and a > b,
    "lt": lambda a, b: a is not None and b is not None and a < b,
}


class Unsupported(Exception):
    pass


def _value(obj, value):
    return getattr(obj, value.name) if isinstance(value, F) else value


def _holds(obj, condition) -> bool:
    if isinstance(condition, Q):
        results = (_holds(obj, child) for child in condition.children)
        result = all(results) if condition.connector == Q.AND else any(results)
        return not result if condition.negated else result
    if isinstance(condition, tuple):
        lookup, value = condition
        name, _, operator = lookup.partition("__")
        if operator not in OPERATORS and operator:
            raise Unsupported(lookup)
        return OPERATORS[operator or "exact"](getattr(obj, name), _value(obj, value))
    if isinstance(condition, LessThanOrEqual) and isinstance(condition.lhs, Length):
        field = condition.lhs.source_expressions[0]
        text = getattr(obj, field.name)
        return text is None or len(text) <= condition.rhs
    raise Unsupported(condition)


def full_clean(obj, *, exclude=None, validate_unique=True):
    """``obj.full_clean()``, with its check constraints evaluated in Python where they can be."""
    errors = {}
    try:
        obj.full_clean(exclude=exclude, validate_unique=validate_unique, validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    for constraint in obj._meta.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        try:
            holds = _holds(obj, constraint.condition)
        except (Unsupported, AttributeError, TypeError):
            try:
                constraint.validate(type(obj), obj, exclude=exclude)
            except ValidationError as error:
                errors = error.update_error_dict(errors)
            continue
        if not holds:
            errors.setdefault("__all__", []).append(ValidationError(constraint.get_violation_error_message()))
    if errors:
        raise ValidationError(errors)
