import logging

from django.http import FileResponse, Http404, HttpResponseNotModified
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from briefings.documents import newsletter_document
from briefings.kept_pdfs import (
    QUEUED_SECONDS,
    PdfPreparing,
    PreviewTooLong,
    newsletter_pdf,
    review_briefing_pdf,
)
from briefings.models import Newsletter, NewsletterLink
from briefings.pdf import PdfUnavailable
from briefings.seven_minute import seven_minute_briefing
from reviews.models import Review
from reviews.reading import with_findings

logger = logging.getLogger(__name__)


@require_safe
def newsletter_list(request):
    newsletters = Newsletter.objects.published()
    return render(request, "briefings/newsletter_list.html", {"newsletters": newsletters})


@require_safe
def newsletter_detail(request, slug):
    newsletter = get_object_or_404(Newsletter.objects.visible_to(request.user), slug=slug)
    document = newsletter_document(newsletter)
    return render(
        request, "briefings/newsletter_detail.html", {"newsletter": newsletter, "document": document}
    )


@require_safe
def newsletter_file(request, slug, pk):
    """A PDF uploaded with a newsletter, to whoever may read the newsletter, never run by the browser."""
    newsletter = get_object_or_404(Newsletter.objects.visible_to(request.user), slug=slug)
    link = get_object_or_404(NewsletterLink.objects.exclude(file=""), newsletter=newsletter, pk=pk)
    try:
        opened = link.file.open("rb")
    except FileNotFoundError:
        logger.error("The file of newsletter link %s is missing from storage: %s", link.pk, link.file.name)
        raise Http404("This file is missing.") from None
    name = f"{newsletter.slug}-{link.pk}.pdf"
    response = FileResponse(opened, content_type="application/pdf", filename=name)
    response["Content-Disposition"] = response["Content-Disposition"].replace("attachment", "inline")
    response["Content-Security-Policy"] = "sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def review_briefing(request, slug):
    """The 7-minute briefing of one review as a web page: the accessible twin of its PDF."""
    review = get_object_or_404(with_findings(Review.objects.visible_to(request.user)), slug=slug)
    context = {"review": review, "briefing": seven_minute_briefing(review)}
    return render(request, "briefings/review_briefing.html", context)


@require_safe
def newsletter_pdf_download(request, slug):
    newsletter = get_object_or_404(Newsletter.objects.visible_to(request.user), slug=slug)
    try:
        pdf = newsletter_pdf(newsletter)
    except PdfPreparing:
        return _pdf_preparing(request, newsletter.get_absolute_url())
    except PreviewTooLong:
        context = {"web_version_url": newsletter.get_absolute_url(), "too_long": True}
        return render(request, "briefings/pdf_unavailable.html", context, status=503)
    except PdfUnavailable:
        return _pdf_unavailable(request, newsletter.get_absolute_url())
    return _pdf_response(request, pdf)


@require_safe
def review_briefing_pdf_download(request, slug):
    review = get_object_or_404(Review.objects.visible_to(request.user), slug=slug)
    try:
        pdf = review_briefing_pdf(review)
    except PdfPreparing:
        return _pdf_preparing(request, review.get_absolute_url())
    except PdfUnavailable:
        return _pdf_unavailable(request, review.get_absolute_url())
    return _pdf_response(request, pdf)


def _pdf_unavailable(request, web_version_url):
    logger.error("A PDF was asked for, but WeasyPrint or Pango is not installed on this server.")
    context = {"web_version_url": web_version_url}
    return render(request, "briefings/pdf_unavailable.html", context, status=503)


def _pdf_preparing(request, web_version_url):
    # Rendered by the background worker, never here: a long rendering must not hold a web worker.
    context = {"web_version_url": web_version_url, "preparing": True}
    response = render(request, "briefings/pdf_unavailable.html", context, status=503)
    response["Retry-After"] = str(QUEUED_SECONDS // 2)
    patch_cache_control(response, no_store=True)
    return response


def _pdf_response(request, pdf):
    if pdf.kept and request.headers.get("If-None-Match") == f'"{pdf.fingerprint}"':
        pdf.file.close()
        return HttpResponseNotModified()
    response = FileResponse(
        pdf.file, as_attachment=True, filename=pdf.filename, content_type="application/pdf"
    )
    if pdf.kept:
        # Public content, but it may change at any moment (a review withdrawn): revalidate each time.
        response["ETag"] = f'"{pdf.fingerprint}"'
        patch_cache_control(response, public=True, no_cache=True)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response
