"""What the interop scripts share: storage URLs as hpo4j's tests pass them to the real Optuna."""
import json
import math
import sys

import optuna
from optuna.storages import JournalStorage
from optuna.storages.journal import JournalFileBackend

optuna.logging.set_verbosity(optuna.logging.WARNING)


def storage(url):
    """journal:PATH opens Optuna's journal file backend; any other URL is an RDB URL."""
    if url.startswith("journal:"):
        return JournalStorage(JournalFileBackend(url[len("journal:"):]))
    return url


def number(v):
    """JSON has no NaN or infinities: they travel as strings."""
    if isinstance(v, float) and not math.isfinite(v):
        return repr(v)
    return v


def dump(obj):
    json.dump(obj, sys.stdout)
    sys.stdout.write("\n")
