import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "x7Qp-2vLk9_Zr4mTa8WcYb3NdFh6JsGu1EoRiKlPqXwVzAyBnCmD5e0"


def run_manage(*args, secret_key: str | None):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = "kantelwerk.settings.production"
    env["ALLOWED_HOSTS"] = "kantelwerk.example.nl"
    if secret_key is not None:
        env["SECRET_KEY"] = secret_key
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", secret_key=None)
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_the_insecure_development_key():
    result = run_manage("check", secret_key="django-insecure-dev-only-kantelwerk")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_deploy_check_is_clean():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", secret_key=GOOD_KEY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNINGS" not in result.stdout + result.stderr
