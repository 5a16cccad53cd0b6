"""RFC 9457 problem details: every error the service answers is ``application/problem+json``.

Error bodies never carry a stack trace or an internal message; a 5xx names only the request id,
which the operator finds in the service log next to the real cause.
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["PROBLEM_BASE", "Problem", "ProblemError", "RequestIdMiddleware", "install_handlers", "problem_responses"]

log = logging.getLogger("portal")

PROBLEM_BASE = "https://sovereign-dc.dev/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"
_FRIENDLY = {
    "path.vin": "a VIN is 17 characters: digits and capital letters except I, O and Q (ISO 3779)",
}
_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class Problem(BaseModel):
    """An RFC 9457 problem description."""

    type: str = Field(description="URI naming the kind of problem.")
    title: str = Field(description="Short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong with this request and how to fix it.")
    errors: list[dict[str, str]] | None = Field(default=None, description="Per-field problems for invalid input.")
    request_id: str | None = Field(default=None, description="Quote this when reporting a server error.")


class ProblemError(Exception):
    """Raised by handlers; rendered as a problem response."""

    def __init__(self, status: int, kind: str, title: str, detail: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.headers = headers or {}


def problem_response(
    status: int, kind: str, title: str, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> JSONResponse:
    body: dict[str, Any] = {"type": PROBLEM_BASE + kind, "title": title, "status": status, "detail": detail}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def problem_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` entries for the given problem status codes."""
    titles = {
        400: "The request body is not JSON",
        401: "Missing, invalid or expired bearer token",
        403: "Not allowed",
        404: "Not found (also for another owner's vehicle: no existence leak)",
        409: "Not ready",
        422: "Invalid input",
        503: "Access log or identity provider unavailable; no data returned",
    }
    schema = {"$ref": "#/components/schemas/Problem"}
    return {c: {"description": titles[c], "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}}} for c in codes}


class RequestIdMiddleware:
    """Honours a well-formed ``X-Request-ID`` or generates one; echoes it on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"x-request-id"), "")
        request_id = given if _REQUEST_ID.match(given) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        header = (b"x-request-id", request_id.encode())

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
                message = {**message, "headers": [*headers, header]}
            await send(message)

        await self.app(scope, receive, send_with_id)


def request_id_of(request: Request) -> str:
    rid = getattr(request.state, "request_id", None)
    return rid if isinstance(rid, str) else uuid.uuid4().hex


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(_request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(exc.status, exc.kind, exc.title, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = []
        for err in exc.errors():
            loc = ".".join(str(p) for p in err.get("loc", ()))
            # The message only, never the raw input: it can be large and it is echoed to logs.
            message = _FRIENDLY.get(loc, str(err.get("msg", "invalid")))
            errors.append({"location": loc, "message": message})
        detail = "; ".join(f"{e['location']}: {e['message']}" for e in errors) or "invalid request"
        return problem_response(422, "invalid-request", "Invalid request", detail, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {400: "Bad request", 404: "Not found", 405: "Method not allowed", 401: "Unauthorised"}
        detail = exc.detail if isinstance(exc.detail, str) else "request refused"
        if exc.status_code == 404:
            detail = "There is no such resource."
        return problem_response(
            exc.status_code,
            "not-found" if exc.status_code == 404 else f"http-{exc.status_code}",
            titles.get(exc.status_code, "Request refused"),
            detail,
            dict(exc.headers) if exc.headers else None,
        )

    @app.exception_handler(Exception)
    async def _internal(request: Request, exc: Exception) -> JSONResponse:
        request_id = request_id_of(request)
        log.exception("unhandled error (request id %s)", request_id, exc_info=exc)
        # Starlette answers unhandled errors outside the middleware stack, so echo the id here too.
        return problem_response(
            500,
            "internal-error",
            "Internal server error",
            "The service failed to answer this request; no data was returned. Quote the request id when reporting it.",
            headers={"X-Request-ID": request_id},
            request_id=request_id,
        )
