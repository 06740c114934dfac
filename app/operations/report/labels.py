"""The words of the operations report, in Chinese (the default: property managers read it)
and English. The report is made in the engine (no Qt), so it carries its own small table
instead of Qt's tr(); keys missing in a language fall back to English, then to the key."""

from __future__ import annotations

LANGS = ("zh_CN", "en")

_ZH = {
    "daily": "运营日报", "monthly": "运营月报", "period": "统计期间", "generated": "生成时间",
    "site": "小区", "summary": "概要", "no_data": "本期无数据",
    "alarms": "告警", "alarms_total": "告警总数", "by_kind": "按设备类型",
    "by_building": "按楼栋", "by_type": "主要告警类型", "count": "次数", "critical": "紧急",
    "work_orders": "工单", "created": "新建", "done": "已完成", "open": "未完成",
    "ack": "平均响应", "arrive": "平均到场", "resolve": "平均处理", "minutes": "分钟",
    "energy": "能耗与费用", "electricity": "用电", "water": "用水", "heat": "热量",
    "cost": "费用（元）", "amount": "用量", "valley_share": "谷段占比", "group": "设备分组",
    "building": "楼栋", "day": "日期", "load_profile": "负荷曲线（kW）",
    "daily_energy": "每日用电（kWh）与费用", "kw": "kW", "kwh": "kWh", "m3": "m³",
    "households": "住户", "public": "公共用电", "mains": "总表", "pumps": "水泵",
    "lighting": "照明", "chargers": "充电桩", "lifts": "电梯",
    "leaks": "漏水与产销差", "night_flow": "夜间最小流量偏高", "unaccounted": "产销差",
    "main_meter": "总表", "subs": "分户合计", "percent": "占比",
    "parking": "车辆与停车", "zone": "区域", "capacity": "车位", "utilisation": "平均利用率",
    "peak": "高峰占用", "turnover": "周转率（次/位/日）", "passes_in": "入场", "passes_out": "出场",
    "residents": "业主车辆", "visitors": "访客车辆", "manual": "人工放行", "unpaid": "未缴费出场",
    "flagged": "车牌异常", "dwell": "访客停留中位数（小时）", "peak_hour": "高峰时段",
    "hourly_passes": "各时段过车", "occupancy": "车位占用",
    "charging": "充电", "sessions": "充电次数", "charger_energy": "充电量（kWh）",
    "charger_faults": "充电桩故障", "per_charger": "各充电桩谷段占比",
    "lift_faults": "电梯运行与故障", "lift": "电梯", "rescue_code": "96333救援码",
    "runs": "运行次数", "door_cycles": "开关门次数", "faults": "故障", "trapped": "困人",
    "per_1000": "每千次运行故障", "total": "合计", "hours": "小时",
    "deep_valley": "深谷", "valley": "谷", "flat": "平", "critical_peak": "尖峰",
    "sample_tariff": "电价为示例，请以供电公司公布价格为准",
    "meter": "表计", "night_lh": "夜间最小流量 L/h", "baseline_lh": "基线 L/h",
}
_EN = {
    "daily": "Daily operations report", "monthly": "Monthly operations report",
    "period": "Period", "generated": "Generated", "site": "Site", "summary": "Summary",
    "no_data": "No data for this period", "alarms": "Alarms", "alarms_total": "Alarms",
    "by_kind": "By device kind", "by_building": "By building", "by_type": "Top alarm types",
    "count": "Count", "critical": "Critical", "work_orders": "Work orders",
    "created": "Created", "done": "Done", "open": "Open", "ack": "Mean time to acknowledge",
    "arrive": "Mean time to arrive", "resolve": "Mean time to resolve", "minutes": "min",
    "energy": "Energy and cost", "electricity": "Electricity", "water": "Water",
    "heat": "Heat", "cost": "Cost (CNY)", "amount": "Amount", "valley_share": "Valley share",
    "group": "Equipment group", "building": "Building", "day": "Day",
    "load_profile": "Load profile (kW)", "daily_energy": "Electricity per day (kWh) and cost",
    "kw": "kW", "kwh": "kWh", "m3": "m³", "households": "Households", "public": "Public",
    "mains": "Mains", "pumps": "Pumps", "lighting": "Lighting", "chargers": "Chargers",
    "lifts": "Lifts", "leaks": "Leaks and unaccounted water",
    "night_flow": "Night flow above baseline", "unaccounted": "Unaccounted water",
    "main_meter": "Main meter", "subs": "Sub-meters", "percent": "Share",
    "parking": "Vehicles and parking", "zone": "Zone", "capacity": "Spaces",
    "utilisation": "Mean utilisation", "peak": "Peak occupancy",
    "turnover": "Turnover (per space per day)", "passes_in": "In", "passes_out": "Out",
    "residents": "Residents", "visitors": "Visitors", "manual": "Manual releases",
    "unpaid": "Unpaid exits", "flagged": "Plates flagged",
    "dwell": "Visitor dwell, median (h)", "peak_hour": "Peak hour",
    "hourly_passes": "Passes by hour", "occupancy": "Occupancy", "charging": "Charging",
    "sessions": "Sessions", "charger_energy": "Energy charged (kWh)",
    "charger_faults": "Charger faults", "per_charger": "Valley share per charger",
    "lift_faults": "Lift runs and faults", "lift": "Lift", "rescue_code": "96333 code",
    "runs": "Runs", "door_cycles": "Door cycles", "faults": "Faults", "trapped": "Trapped",
    "per_1000": "Faults per 1,000 runs", "total": "Total", "hours": "h",
    "deep_valley": "Deep valley", "valley": "Valley", "flat": "Flat", "peak_period": "Peak",
    "critical_peak": "Critical peak",
    "sample_tariff": "Sample tariffs: check the supply company's current prices",
    "meter": "Meter", "night_lh": "Night flow L/h", "baseline_lh": "Baseline L/h",
}
_KINDS_ZH = {
    "water_meter": "水表", "power_meter": "电表", "gas_detector": "燃气探测器",
    "heat_meter": "热量表", "smoke_detector": "烟感", "fire_hydrant_pressure": "消火栓压力",
    "sprinkler_valve": "喷淋阀", "elevator": "电梯", "water_pump": "水泵",
    "water_tank_level": "水箱液位", "lighting_circuit": "照明回路", "pipe_pressure": "管网压力",
    "transformer": "变压器", "manhole_cover": "井盖", "door_access": "门禁",
    "barrier_gate": "道闸", "parking_space": "车位", "ev_charger": "充电桩",
    "camera": "摄像机", "microphone": "声学传感器", "panic_button": "紧急按钮",
}
_ZH.update({f"kind.{k}": v for k, v in _KINDS_ZH.items()})
_EN.update({f"kind.{k}": k.replace("_", " ") for k in _KINDS_ZH})
_TABLES = {"zh_CN": _ZH, "en": _EN}


def label(key: str, lang: str = "zh_CN") -> str:
    return _TABLES.get(lang, _ZH).get(key) or _EN.get(key) or key


_TYPES_ZH = {
    "offline": "离线", "event.gas_leak": "燃气泄漏", "event.smoke": "烟雾",
    "event.door_forced": "门被强行打开", "event.manhole_open": "井盖打开",
    "event.panic": "紧急按钮", "event.falling_object": "高空抛物",
    "charger.faulted": "充电桩故障", "gate.silent": "道闸无过车上报",
    "gate.manual_releases": "人工放行过多", "gate.unreported": "道闸漏报过车",
    "water.night_flow": "夜间流量偏高（疑似漏水）", "water.unaccounted": "产销差过高",
    "combo.stuck_between_floors": "电梯停在两层之间", "combo.trapped_passenger": "电梯困人",
    "combo.stopped_outside_door_zone": "电梯停在平层区外",
    "combo.moving_doors_open": "电梯开门走车", "combo.cover_off": "井盖脱落（倾角>90°）",
    "combo.running_no_pressure": "水泵运行无压力",
    "combo.hot_under_light_load": "变压器轻载高温",
}
_SUFFIX_ZH = {"high": "过高", "low": "过低", "flag": "状态异常", "rate": "变化过快",
              "unusual": "异常（学习阈值）"}


def alarm_type(type_: str, lang: str = "zh_CN") -> str:
    """An alarm type (``temp_c.high``, ``event.smoke`` ...) as the report words it."""
    if lang != "zh_CN":
        return type_
    if type_ in _TYPES_ZH:
        return _TYPES_ZH[type_]
    if type_.startswith("parking.overstay"):
        return "车辆超时停放"
    point, _, suffix = type_.rpartition(".")
    return f"{point} {_SUFFIX_ZH[suffix]}" if point and suffix in _SUFFIX_ZH else type_
