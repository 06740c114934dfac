"""Verifying the audit trail: name every edited, inserted or deleted record.

Walks each site's records in sequence order from the genesis (or the newest purge
checkpoint). A record whose own HMAC-SM3 does not verify was written by someone without the
key: it is *edited* when the chain runs on through its stored mac (its content was changed,
its mac kept), else *inserted*. A record that verifies but does not follow the previous one
shows the records between as *deleted*. The daily checkpoints and the head kept beside the
key show records removed at the end of the chain, which no later record would reveal.
"""

from __future__ import annotations

from datetime import datetime

import msgspec
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.security.audit import (
    DAY_ZONE,
    GENESIS,
    ChainHead,
    _record_bytes,
    sm3_hmac,
)
from app.storage.models_security import AuditCheckpointRow, AuditRow


class Problem(msgspec.Struct, frozen=True):
    site: str
    seq: int | None
    kind: str  # edited | inserted | deleted | checkpoint | head
    text: str


class VerifyReport(msgspec.Struct, frozen=True):
    records: int
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def _when(at: float) -> str:
    return datetime.fromtimestamp(at, DAY_ZONE).strftime("%Y-%m-%d %H:%M:%S")


def _mac(key: bytes, r: AuditRow) -> str:
    return sm3_hmac(key, _record_bytes(r.site, int(r.seq), float(r.at), r.actor, r.console,
                                       r.action, r.object, r.outcome, r.detail, r.prev_mac))


def _describe(r: AuditRow) -> str:
    return f"{_when(r.at)} {r.actor} {r.action} {r.object}".rstrip()


def verify_trail(engine: Engine, key: bytes, head: ChainHead | None = None,
                 site: str | None = None) -> VerifyReport:
    with Session(engine) as session:
        sites = [site] if site else sorted(
            {s for (s,) in session.execute(sa.select(AuditRow.site).distinct())}
            | {s for (s,) in session.execute(sa.select(AuditCheckpointRow.site).distinct())}
            | set((head.read() if head else {}).keys()))
        problems: list[Problem] = []
        total = 0
        for name in sites:
            rows = list(session.scalars(sa.select(AuditRow).where(AuditRow.site == name)
                                        .order_by(AuditRow.seq, AuditRow.mac)))
            checkpoints = list(session.scalars(sa.select(AuditCheckpointRow).where(
                AuditCheckpointRow.site == name)))
            total += len(rows)
            problems += _verify_site(name, rows, checkpoints, key,
                                     (head.read().get(name) if head else None))
    return VerifyReport(total, problems)


def _verify_site(site: str, rows: list[AuditRow], checkpoints: list[AuditCheckpointRow],
                 key: bytes, head: list | None) -> list[Problem]:
    out: list[Problem] = []
    for cp in checkpoints:
        expected = sm3_hmac(key, msgspec.json.encode(
            [cp.site, cp.kind, cp.day, int(cp.last_seq), cp.last_mac, int(cp.count), cp.at]))
        if expected != cp.mac:
            out.append(Problem(site, int(cp.last_seq), "checkpoint",
                               f"checkpoint {cp.kind} {cp.day} was edited"))
    purges = sorted((cp for cp in checkpoints if cp.kind == "purge"), key=lambda c: c.last_seq)
    prev_seq, prev_mac = (int(purges[-1].last_seq), purges[-1].last_mac) if purges else (
        0, GENESIS)
    genuine: dict[int, str] = {}  # seq → mac of records that verify or were only edited
    for i, r in enumerate(rows):
        seq = int(r.seq)
        if seq <= prev_seq and seq not in genuine and purges and seq <= purges[-1].last_seq:
            out.append(Problem(site, seq, "inserted",
                               f"record {seq} ({_describe(r)}): inserted before the purge "
                               "checkpoint"))
            continue
        if _mac(key, r) != r.mac:
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            chained_on = nxt is not None and nxt.prev_mac == r.mac and int(nxt.seq) == seq + 1
            at_head = head is not None and int(head[0]) == seq and head[1] == r.mac
            if seq in genuine or not (chained_on or at_head) or r.prev_mac != prev_mac:
                out.append(Problem(site, seq, "inserted",
                                   f"record {seq} ({_describe(r)}): inserted (its seal does "
                                   "not verify and no record follows from it)"))
                continue
            out.append(Problem(site, seq, "edited",
                               f"record {seq} ({_describe(r)}): edited (its content does not "
                               "match its seal)"))
        elif seq in genuine:
            out.append(Problem(site, seq, "inserted", f"record {seq} ({_describe(r)}): a "
                                                      "second record with the same number"))
            continue
        elif seq != prev_seq + 1 or r.prev_mac != prev_mac:
            missing = (f"records {prev_seq + 1}–{seq - 1}" if seq - prev_seq > 2
                       else f"record {prev_seq + 1}")
            if seq > prev_seq + 1:
                for gone in range(prev_seq + 1, seq):
                    out.append(Problem(site, gone, "deleted", f"record {gone}: deleted"))
            else:
                out.append(Problem(site, seq, "deleted",
                                   f"record {seq} ({_describe(r)}): the chain is broken "
                                   f"before it ({missing} replaced or deleted)"))
        genuine[seq] = r.mac
        prev_seq, prev_mac = seq, r.mac
    last_seq = prev_seq
    for cp in checkpoints:
        if cp.kind != "daily":
            continue
        if int(cp.last_seq) > last_seq or genuine.get(int(cp.last_seq), cp.last_mac) != cp.last_mac:
            if int(cp.last_seq) > last_seq:
                for gone in range(last_seq + 1, int(cp.last_seq) + 1):
                    out.append(Problem(site, gone, "deleted", f"record {gone}: deleted (the "
                                                              f"checkpoint of {cp.day} counts "
                                                              "it)"))
                last_seq = int(cp.last_seq)
            else:
                out.append(Problem(site, int(cp.last_seq), "checkpoint",
                                   f"record {cp.last_seq} differs from the checkpoint of "
                                   f"{cp.day}"))
    if head is not None:
        head_seq, head_mac = int(head[0]), head[1]
        if head_seq > last_seq:
            for gone in range(last_seq + 1, head_seq + 1):
                out.append(Problem(site, gone, "deleted", f"record {gone}: deleted (the newest "
                                                          "record the key's head file knows is "
                                                          f"{head_seq})"))
        elif head_seq in genuine and genuine[head_seq] != head_mac:
            out.append(Problem(site, head_seq, "head",
                               f"record {head_seq} differs from the head kept beside the key"))
    return sorted(out, key=lambda p: (p.seq if p.seq is not None else -1, p.kind))
