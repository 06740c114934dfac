"""What each command is called where people read it (the training debrief and report, the
audit trail's readers): Chinese first, English beside it. The engine has no Qt, so the words
are a table here instead of tr(); a tag without words shows as itself."""

from __future__ import annotations

#: command tag -> (zh_CN, en)
WORDS: dict[str, tuple[str, str]] = {
    "alarm.acknowledge": ("确认告警", "acknowledge alarm"),
    "alarm.comment": ("告警备注", "comment on alarm"),
    "alarm.silence": ("告警消音", "silence alarm"),
    "alarm.shelve": ("搁置告警", "shelve alarm"),
    "alarm.unshelve": ("取消搁置", "unshelve alarm"),
    "alarm.close": ("关闭告警", "close alarm"),
    "order.create": ("新建工单", "create work order"),
    "order.from_alarm": ("告警转工单", "work order from alarm"),
    "order.assign": ("派单", "assign work order"),
    "order.state": ("更改工单状态", "change work order state"),
    "order.note": ("工单备注", "note on work order"),
    "dispatch.auto_assign": ("自动派单开关", "automatic assignment"),
    "device.register": ("登记设备", "register device"),
    "device.dismiss": ("移除设备", "dismiss device"),
    "rules.freeze_learned": ("冻结学习阈值", "freeze learned band"),
    "parking.rebase": ("车位计数校准", "re-base parking count"),
    "camera.privacy_masks": ("编辑隐私遮挡", "edit privacy masks"),
    "camera.shield_zones": ("编辑屏蔽区", "edit shield zones"),
    "camera.facade": ("设置立面标定", "set facade"),
    "camera.construction_zones": ("编辑施工监测区", "edit construction zones"),
    "construction.accept": ("认可施工变化", "accept change"),
    "construction.reject": ("驳回施工变化", "reject change"),
    "construction.dispatch": ("施工变化派单", "dispatch change"),
    "camera.view": ("查看摄像机", "view camera"),
    "evidence.export": ("导出证据", "export evidence"),
    "user.add": ("新增用户", "add user"),
    "user.passwd": ("修改密码", "change password"),
    "user.lock": ("锁定用户", "lock user"),
    "user.unlock": ("解锁用户", "unlock user"),
    "wall.take_control": ("接管大屏", "take wall control"),
    "wall.release": ("释放大屏", "release wall"),
    "wall.set_preset": ("切换大屏预案", "set wall preset"),
    "training.play": ("培训播放", "play"),
    "training.pause": ("培训暂停", "pause"),
    "training.speed": ("培训倍速", "speed"),
    "training.seek": ("培训跳转", "seek"),
    "training.inject": ("注入事件", "inject"),
    "training.end": ("结束培训", "end training"),
    "training.annotate": ("讲评批注", "annotate"),
}


def command_words(tag: str, lang: str = "zh_CN") -> str:
    """The command ``tag`` as people call it, in ``lang`` (zh_CN or en)."""
    words = WORDS.get(tag)
    if words is None:
        return tag
    return words[0] if lang == "zh_CN" else words[1]
