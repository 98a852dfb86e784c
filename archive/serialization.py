"""How rows are written: Django's JSON Lines serializer, with three changes for an exact copy.

* Date-times keep their microseconds (Django's encoder cuts them to milliseconds), so a
  restored row holds exactly what was exported.
* Many-to-many lists are sorted, so the same data is always written the same way.
* Only models that migrate recreates (content types, permissions) are referred to by natural key;
  every other reference keeps its id, as every row does, so a restored board keeps its
  addresses (``/admin/reviews/review/42/``) and nothing needs looking up one row at a time.

Derived columns are not written: stored search vectors are rebuilt after a restore, and
generated columns are computed by the database.
"""

import datetime
import json

from django.contrib.postgres.search import SearchVectorField
from django.core.serializers import jsonl
from django.core.serializers.base import DeserializationError
from django.core.serializers.json import DjangoJSONEncoder

from archive.contents import RECREATED_BY_MIGRATE


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            value = o.isoformat()
            return value[:-6] + "Z" if value.endswith("+00:00") else value
        return super().default(o)


def derived(field) -> bool:
    return isinstance(field, SearchVectorField) or getattr(field, "generated", False)


class ArchiveSerializer(jsonl.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder

    def end_object(self, obj):
        # One string per object: several times faster than json.dump's many small writes.
        self.stream.write(json.dumps(self.get_dump_object(obj), **self.json_kwargs) + "\n")
        self._current = None

    def _model_supports_natural_key(self, model):
        return model._meta.label_lower in RECREATED_BY_MIGRATE

    def handle_field(self, obj, field):
        if not derived(field):
            super().handle_field(obj, field)

    def handle_m2m_field(self, obj, field):
        # Read from the links export.rows fetched a chunk at a time: Django's own version builds
        # a queryset per object and field, even when the links are prefetched.
        if not field.remote_field.through._meta.auto_created:
            return
        links = obj.__dict__.get("archive_links", {})
        if field.name in links:
            self._current[field.name] = sorted(links[field.name])
            return
        cache = getattr(obj, "_prefetched_objects_cache", {})
        related = cache[field.name] if field.name in cache else getattr(obj, field.name).all()
        if self._model_supports_natural_key(field.remote_field.model):
            values = [list(other.natural_key()) for other in related]
        else:
            values = [other.pk for other in related]
        self._current[field.name] = sorted(values)


def serialize(queryset, stream) -> None:
    ArchiveSerializer().serialize(queryset, stream=stream, use_natural_foreign_keys=True)


class NaturalKeys:
    """The ids of the rows migrate made (content types, permissions), by natural key: one query per model.

    Django's deserializer looks each natural key up with its own query: a few hundred per
    restore for the roles' permissions alone.
    """

    def __init__(self, using):
        self.using, self.ids = using, {}

    def id_of(self, model, key):
        if model not in self.ids:
            rows = model._base_manager.using(self.using)
            related = [field.name for field in model._meta.concrete_fields if field.many_to_one]
            if related:
                rows = rows.select_related(*related)
            self.ids[model] = {tuple(row.natural_key()): row.pk for row in rows}
        try:
            return self.ids[model][tuple(key)]
        except (KeyError, TypeError) as error:
            raise DeserializationError(
                f"There is no {model._meta.verbose_name} {key!r} in this database."
            ) from error


class ArchiveDeserializer(jsonl.Deserializer):
    def __init__(self, stream, *, natural_keys, **options):
        super().__init__(stream, **options)
        self.natural_keys = natural_keys

    def _recreated(self, field):
        return field.remote_field.model._meta.label_lower in RECREATED_BY_MIGRATE

    def _handle_m2m_field_node(self, field, field_value):
        if not self._recreated(field):
            return super()._handle_m2m_field_node(field, field_value)
        return [self.natural_keys.id_of(field.remote_field.model, key) for key in field_value]

    def _handle_fk_field_node(self, field, field_value):
        if field_value is None or not self._recreated(field) or not isinstance(field_value, list):
            return super()._handle_fk_field_node(field, field_value)
        return self.natural_keys.id_of(field.remote_field.model, field_value)


def deserialize(stream, *, using, natural_keys):
    return ArchiveDeserializer(stream, using=using, natural_keys=natural_keys)
