"""The services several app servers share: Redis as the cache, an S3-compatible object store for files.

Both are optional (a new machine runs with neither); these tests use the real ones where they
run here: Redis at REDIS_TEST_URL (default redis://127.0.0.1:6379/15), and an S3 stand-in
(moto's server, in this process). Each is skipped, with the reason, when it is not available.
"""

import os
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from django.urls import reverse

from reviews.models import Review
from tests.factories import LessonFactory, ReviewFactory
from tests.production import settings_with

REGION = "eu-west-2"
REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/15")


def test_redis_url_makes_redis_the_cache_and_the_session_reader():
    settings = settings_with(REDIS_URL="redis://cache.internal:6379/1")
    assert settings["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert settings["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/1"
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


def test_without_redis_url_each_process_keeps_its_own_cache_and_sessions_are_in_the_database():
    settings = settings_with(REDIS_URL="")
    assert settings["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert "SESSION_ENGINE" not in settings


def test_s3_bucket_sends_uploads_and_kept_pdfs_to_the_object_store_privately():
    settings = settings_with(S3_BUCKET="board-files", S3_ENDPOINT_URL="https://s3.example.org")
    default = settings["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"]["bucket_name"] == "board-files"
    assert default["OPTIONS"]["endpoint_url"] == "https://s3.example.org"
    assert default["OPTIONS"]["default_acl"] == "private"
    assert settings_with(S3_BUCKET="")["STORAGES"]["default"]["BACKEND"].endswith("FileSystemStorage")


@pytest.fixture
def redis_cache():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_TEST_URL, socket_connect_timeout=0.5)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_TEST_URL} (set REDIS_TEST_URL to test against one)")
    prefix = f"test-{uuid.uuid4().hex}"  # several test processes share the server
    caches = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": prefix,
        }
    }
    with override_settings(CACHES=caches):
        yield client, prefix
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def lesson_count(client):
    page = client.get("/lessons/").content.decode()
    return page.split('class="result-count"', 1)[1].split("<", 1)[0]


@pytest.mark.django_db
def test_library_counts_are_kept_in_redis_and_follow_every_publication(client, redis_cache):
    redis, prefix = redis_cache
    published = ReviewFactory()
    LessonFactory.create_batch(2, review=published)
    draft = ReviewFactory(state=Review.State.DRAFT)
    LessonFactory(review=draft)

    assert "2 findings from 1 review" in lesson_count(client)
    assert any(redis.scan_iter(f"{prefix}:*")), "nothing was kept in Redis"
    assert "2 findings from 1 review" in lesson_count(client)  # from Redis: the draft is not counted

    draft.state = Review.State.PUBLISHED
    draft.save()
    assert "3 findings from 2 reviews" in lesson_count(client)
    draft.visibility = Review.Visibility.PARTNERS
    draft.save()
    assert "2 findings from 1 review" in lesson_count(client)


@pytest.fixture(scope="module")
def s3_bucket():
    """A stand-in S3 server (moto) with one bucket, for this module's tests."""
    boto3 = pytest.importorskip("boto3")
    moto_server = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    server = moto_server.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="test",
        aws_secret_access_key="test",
        region_name=REGION,
    )
    bucket = "board-files"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
    try:
        yield s3, bucket, endpoint
    finally:
        server.stop()


@pytest.fixture
def object_store(settings, s3_bucket):
    s3, bucket, endpoint = s3_bucket
    for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
        s3.delete_object(Bucket=bucket, Key=item["Key"])
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": REGION,
        "default_acl": "private",
    }
    options |= {"access_key": "test", "secret_key": "test", "file_overwrite": False}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    return s3, bucket


@pytest.mark.django_db
def test_a_report_uploaded_to_the_object_store_is_served_only_to_who_may_see_it(client, object_store):
    s3, bucket = object_store
    review = ReviewFactory(state=Review.State.DRAFT)
    review.report_file.save("child-s.pdf", ContentFile(b"%PDF-1.4\nthe full report\n"))
    stored = [item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]]
    assert stored == [review.report_file.name]
    acl = s3.get_object_acl(Bucket=bucket, Key=stored[0])
    assert not [g for g in acl["Grants"] if g["Grantee"].get("URI", "").endswith("AllUsers")]

    report = reverse("reviews:review_report", args=[review.slug])
    assert client.get(report).status_code == 404  # a draft: nobody outside the board
    review.state = Review.State.PUBLISHED
    review.save()
    response = client.get(report)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\nthe full report\n"


@pytest.mark.django_db
def test_a_report_missing_from_the_object_store_is_explained_not_a_500(client, object_store):
    review = ReviewFactory()
    review.report_file.save("child-t.pdf", ContentFile(b"%PDF-1.4\n"))
    default_storage.delete(review.report_file.name)
    response = client.get(reverse("reviews:review_report", args=[review.slug]))
    assert response.status_code == 404
