from django.urls import reverse


def test_the_interface_is_dutch_even_for_an_english_browser(client_for, inspector):
    client = client_for(inspector)
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "nl"
    assert '<html lang="nl">' in response.content.decode()


def test_the_language_switch_turns_the_interface_english(client_for, inspector):
    client = client_for(inspector)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    response = client.get(reverse("home"))
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()
