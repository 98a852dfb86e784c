from django.shortcuts import get_object_or_404, render

from reviews.models import Review


def home(request):
    reviews = Review.objects.visible_to(request.user)[:6]
    return render(request, "reviews/home.html", {"reviews": reviews})


def review_list(request):
    reviews = Review.objects.visible_to(request.user)
    return render(request, "reviews/review_list.html", {"reviews": reviews})


def review_detail(request, slug):
    review = get_object_or_404(Review.objects.visible_to(request.user), slug=slug)
    return render(request, "reviews/review_detail.html", {"review": review})


def theme_detail(request, slug):
    raise NotImplementedError
