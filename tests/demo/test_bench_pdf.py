import pytest
from django.core.management import CommandError, call_command


def test_bench_needs_enough_downloads_for_a_median():
    with pytest.raises(CommandError, match="at least 20"):
        call_command("bench_pdf", downloads=5)
