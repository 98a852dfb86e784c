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
