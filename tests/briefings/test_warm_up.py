from django.apps import apps

from briefings import pdf


def test_gunicorn_workers_prepare_weasyprint_when_they_start(monkeypatch):
    calls = []
    monkeypatch.setattr(pdf, "warm_up", lambda: calls.append("warmed"))
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/27.0.1")
    apps.get_app_config("briefings").ready()
    assert calls == ["warmed"]
    monkeypatch.delenv("SERVER_SOFTWARE")
    apps.get_app_config("briefings").ready()  # manage.py commands and tests: no warm-up
    assert calls == ["warmed"]


def test_a_worker_starts_even_when_weasyprint_cannot_be_prepared(monkeypatch, caplog):
    def broken():
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(pdf, "warm_up", broken)
    monkeypatch.setenv("SERVER_SOFTWARE", "gunicorn/27.0.1")
    apps.get_app_config("briefings").ready()
    assert "PDFs will not be available" in caplog.text


def test_warm_up_prepares_the_stylesheet_and_fonts():
    pdf._stylesheet.cache_clear()
    pdf.warm_up()
    assert pdf._stylesheet.cache_info().currsize == 1
    assert pdf._font_config.cache_info().currsize == 1
