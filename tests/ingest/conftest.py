import pytest
from ingest_facts import body_lines


@pytest.fixture(scope="session")
def ref_lines() -> list[str]:
    return body_lines()
