"""IAM documents shared by the AWS components."""

from __future__ import annotations

import json

__all__ = ["assume_role_policy"]


def assume_role_policy(principal: str) -> str:
    """Trust policy letting the service ``principal`` (e.g. ``s3.amazonaws.com``) assume an IAM role."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": principal}, "Action": "sts:AssumeRole"}],
        }
    )
