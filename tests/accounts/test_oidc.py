"""Single sign-on with OpenID Connect against a provider the test runs itself: its keys made here, its token and
key endpoints answered in-process. The redirect asks the code flow with PKCE (S256), state and nonce; the ID token
is checked on signature, issuer, audience and expiry; the account is found by issuer and subject, never e-mail."""

import base64
import hashlib
import json
import time
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
import responses
from cryptography.hazmat.primitives.asymmetric import rsa
from django.core.management import call_command

from accounts.models import ExternalIdentity

ISSUER = "https://idp.example.nl/realms/rijk"
CLIENT = "cmsaudit"
AUTHORIZE = f"{ISSUER}/protocol/openid-connect/auth"
TOKEN = f"{ISSUER}/protocol/openid-connect/token"
JWKS = f"{ISSUER}/protocol/openid-connect/certs"
USERINFO = f"{ISSUER}/protocol/openid-connect/userinfo"


@pytest.fixture(scope="module")
def key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
def sso(db, settings):
    settings.OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = AUTHORIZE
    settings.OIDC_OP_TOKEN_ENDPOINT = TOKEN
    settings.OIDC_OP_USER_ENDPOINT = USERINFO
    settings.OIDC_OP_JWKS_ENDPOINT = JWKS
    settings.OIDC_OP_ISSUER = ISSUER
    settings.OIDC_RP_SIGN_ALGO = "RS256"
    settings.AUTHENTICATION_BACKENDS = ["accounts.oidc.IdentityBackend", *settings.AUTHENTICATION_BACKENDS]


def id_token(key, nonce: str, **claims) -> str:
    now = int(time.time())
    payload = {"iss": ISSUER, "aud": CLIENT, "sub": "f3c1-petra", "iat": now, "exp": now + 300, "nonce": nonce,
               "email": "ovr.vr13@example.nl", **claims}
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": "sleutel-1"})


def provider(key, token: str) -> None:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    responses.add(responses.GET, JWKS, json={"keys": [{**jwk, "kid": "sleutel-1", "alg": "RS256", "use": "sig"}]})
    responses.add(responses.POST, TOKEN, json={"access_token": "toegang", "id_token": token, "token_type": "Bearer"})


def start(client) -> dict:
    response = client.get("/login/sso/")
    assert response.status_code == 302
    return {key: values[0] for key, values in parse_qs(urlparse(response["Location"]).query).items()}


def test_the_login_page_offers_the_organisation_first_and_keeps_the_password_form(sso, client):
    html = client.get("/login/").content.decode()
    assert 'href="/login/sso/"' in html and "Inloggen met uw organisatie-account" in html
    assert html.index("/login/sso/") < html.index('name="password"')


def test_the_redirect_asks_the_code_flow_with_pkce_state_and_nonce(sso, client):
    response = client.get("/login/sso/")
    assert response["Location"].startswith(AUTHORIZE + "?")
    query = start(client)
    assert query["response_type"] == "code"
    assert query["client_id"] == CLIENT
    assert query["code_challenge_method"] == "S256"
    assert query["code_challenge"] and query["state"] and query["nonce"]
    # The challenge is the SHA-256 of the verifier kept in the session for this state.
    verifier = client.session["oidc_states"][query["state"]]["code_verifier"]
    expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    assert query["code_challenge"] == expected


@responses.activate
def test_a_linked_identity_signs_in_to_its_own_account(sso, client, key, ovr_vr13):
    ExternalIdentity.objects.create(user=ovr_vr13, issuer=ISSUER, subject="f3c1-petra")
    query = start(client)
    provider(key, id_token(key, query["nonce"]))
    response = client.get("/login/sso/callback/", {"code": "c0de", "state": query["state"]})
    assert response.status_code == 302 and "sso=failed" not in response["Location"]
    assert int(client.session["_auth_user_id"]) == ovr_vr13.pk
    # The code went back to the provider with the verifier (PKCE).
    token_request = next(call.request for call in responses.calls if call.request.method == "POST")
    assert "code_verifier=" in token_request.body


@pytest.mark.parametrize("claims", [
    {"iss": "https://kwaadwillend.example.com"},
    {"aud": "een-andere-toepassing"},
    {"exp": int(time.time()) - 3600, "iat": int(time.time()) - 7200},
])
@responses.activate
def test_an_id_token_of_another_issuer_audience_or_expired_signs_in_nobody(sso, client, key, ovr_vr13, claims):
    ExternalIdentity.objects.create(user=ovr_vr13, issuer=ISSUER, subject="f3c1-petra")
    query = start(client)
    provider(key, id_token(key, query["nonce"], **claims))
    response = client.get("/login/sso/callback/", {"code": "c0de", "state": query["state"]})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (302, 400)


@responses.activate
def test_an_identity_nobody_linked_signs_in_nobody_even_with_a_known_email(sso, client, key, ovr_vr13):
    ovr_vr13.email = "ovr.vr13@example.nl"
    ovr_vr13.save()
    query = start(client)
    provider(key, id_token(key, query["nonce"], sub="onbekend"))
    response = client.get("/login/sso/callback/", {"code": "c0de", "state": query["state"]})
    assert "_auth_user_id" not in client.session
    assert response["Location"] == "/login/?sso=failed"
    assert "niet gelukt" in client.get(response["Location"]).content.decode()


def test_without_a_provider_there_is_no_single_sign_on(db, client):
    assert client.get("/login/sso/").status_code == 404
    assert "/login/sso/" not in client.get("/login/").content.decode()


def test_link_identity_links_an_account_once(db, ovr_vr13, settings):
    settings.OIDC_OP_ISSUER = ISSUER
    call_command("link_identity", ovr_vr13.username, "f3c1-petra")
    assert ExternalIdentity.objects.get(subject="f3c1-petra").user == ovr_vr13
