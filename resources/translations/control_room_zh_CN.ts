<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="89"/>
        <source>never reported</source>
        <translation>从未上报</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="91"/>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="92"/>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
</context>
<context>
    <name>Alarm</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="15"/>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="16"/>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="17"/>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="18"/>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="22"/>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="23"/>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="24"/>
        <source>Dispatched</source>
        <translation>已派单</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="25"/>
        <source>Cleared</source>
        <translation>已消除</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="26"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="30"/>
        <source>too high</source>
        <translation>过高</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="31"/>
        <source>too low</source>
        <translation>过低</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="32"/>
        <source>unusual for this hour</source>
        <translation>与该时段规律不符</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="33"/>
        <source>changing too fast</source>
        <translation>变化过快</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="34"/>
        <source>abnormal state</source>
        <translation>状态异常</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="38"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="39"/>
        <source>Welfare check (lives alone)</source>
        <translation>独居老人关怀提醒</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="40"/>
        <source>Smoke</source>
        <translation>烟雾</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="41"/>
        <source>Gas leak</source>
        <translation>燃气泄漏</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="42"/>
        <source>Door forced</source>
        <translation>门被强行打开</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="43"/>
        <source>Door held open</source>
        <translation>门长时间未关</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="44"/>
        <source>Manhole cover opened</source>
        <translation>井盖被打开</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="45"/>
        <source>Manhole cover displaced</source>
        <translation>井盖移位</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="46"/>
        <location filename="../../ui/alarm_labels.py" line="47"/>
        <source>Panic button</source>
        <translation>紧急按钮</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="48"/>
        <source>Passenger trapped</source>
        <translation>电梯困人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="49"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="50"/>
        <source>Trip</source>
        <translation>跳闸</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="51"/>
        <source>Tampering</source>
        <translation>被破坏</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="52"/>
        <source>Gate forced</source>
        <translation>道闸被强行通过</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="53"/>
        <source>Video loss</source>
        <translation>视频丢失</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="54"/>
        <source>Camera tampering</source>
        <translation>摄像机被遮挡或破坏</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="55"/>
        <source>Object thrown from height</source>
        <translation>高空抛物</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="56"/>
        <source>Bang heard (located)</source>
        <translation>异常巨响（已定位）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="57"/>
        <source>Impact heard (located)</source>
        <translation>撞击声（已定位）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="58"/>
        <source>Hiss heard (leak?)</source>
        <translation>嘶嘶声（疑似泄漏）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="59"/>
        <source>Pump running, no pressure</source>
        <translation>水泵运行但无压力</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="60"/>
        <source>Elevator stuck</source>
        <translation>电梯停滞</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="61"/>
        <source>Hot under light load</source>
        <translation>轻载过热</translation>
    </message>
</context>
<context>
    <name>AlarmBoard</name>
    <message>
        <location filename="../../ui/alarm_board.py" line="58"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="58"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="59"/>
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="59"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="60"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="60"/>
        <location filename="../../ui/alarm_board.py" line="276"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="61"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="61"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="76"/>
        <source>All severities</source>
        <translation>全部级别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="78"/>
        <source>%1 and above</source>
        <translation>%1及以上</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="81"/>
        <source>Open</source>
        <translation>未关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="82"/>
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="83"/>
        <source>Cleared, to acknowledge</source>
        <translation>已消除待确认</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="85"/>
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="87"/>
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="96"/>
        <source>Search device, building, text…</source>
        <translation>搜索设备、楼栋、内容…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="124"/>
        <source>Acknowledge (A)</source>
        <translation>确认 (A)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="125"/>
        <source>Shelve (S)</source>
        <translation>搁置 (S)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="126"/>
        <source>Comment (C)</source>
        <translation>备注 (C)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="127"/>
        <source>Silence (M)</source>
        <translation>消音 (M)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="128"/>
        <source>Next (N)</source>
        <translation>下一条 (N)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="205"/>
        <source>%1 open, %2 unacknowledged</source>
        <translation>未关闭 %1 条，未确认 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="235"/>
        <location filename="../../ui/alarm_board.py" line="239"/>
        <source>Shelve alarm</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="236"/>
        <source>Shelve for (minutes):</source>
        <translation>搁置时长（分钟）：</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="239"/>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="247"/>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="247"/>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>AlarmDetail</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="67"/>
        <source>{point} {value} above {threshold}</source>
        <extracomment>app.alarms.messages.TEMPLATES, worded for the screen (placeholders stay in braces)</extracomment>
        <translation>{point} {value}，高于 {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="68"/>
        <source>{point} {value} below {threshold}</source>
        <translation>{point} {value}，低于 {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="69"/>
        <source>{point}: abnormal state ({value})</source>
        <translation>{point}：状态异常（{value}）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="70"/>
        <source>{point} {value} unusual for this hour (usual {lo}–{hi})</source>
        <translation>{point} {value}，与本时段通常值不符（通常 {lo}–{hi}）</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="72"/>
        <source>{point} changing {rate} per minute</source>
        <translation>{point} 变化过快：每分钟 {rate}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="73"/>
        <source>Device offline</source>
        <translation>设备离线</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="74"/>
        <source>No data for too long</source>
        <translation>长时间无数据</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="75"/>
        <source>{unit} {resident}: no water use or door activity for {hours} h</source>
        <translation>{unit} {resident}：已 {hours} 小时无用水或门禁活动</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="77"/>
        <source>Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}</source>
        <translation>定位于 ({x}, {y}, {z}) ±{uncertainty} 米 {where}{level}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="103"/>
        <source>cause</source>
        <extracomment>keys of an event&apos;s data, worded for the screen; others are shown as key=value</extracomment>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="104"/>
        <source>degree</source>
        <translation>程度</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="105"/>
        <source>floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="106"/>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="107"/>
        <source>building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="108"/>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="109"/>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="113"/>
        <source>covered</source>
        <translation>被遮挡</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="114"/>
        <source>moved</source>
        <translation>被移动</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="115"/>
        <source>blurred</source>
        <translation>画面模糊</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="134"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>AlarmHistory</name>
    <message>
        <location filename="../../ui/alarm_history.py" line="49"/>
        <source>Search history…</source>
        <translation>搜索历史记录…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54"/>
        <source>Raised</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="55"/>
        <source>Acknowledged by</source>
        <translation>确认人</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="55"/>
        <source>Time to acknowledge</source>
        <translation>确认用时</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="56"/>
        <source>Time to clear</source>
        <translation>消除用时</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="56"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="86"/>
        <source>%1 alarms, mean time to acknowledge %2</source>
        <translation>共 %1 条报警，平均确认用时 %2</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../../ui/camera_list.py" line="51"/>
        <source>drag onto a tile, or double-click for the main tile</source>
        <translation>拖到画面格中，或双击放到主画面</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../ui/camera_wall.py" line="100"/>
        <source>Cameras</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="101"/>
        <source>Camera events</source>
        <translation>视频事件</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="297"/>
        <source>REPLAY</source>
        <translation>回放</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="336"/>
        <source>Export evidence to</source>
        <translation>证据导出到</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="343"/>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="345"/>
        <source>Evidence exported to %1</source>
        <translation>证据已导出到 %1</translation>
    </message>
</context>
<context>
    <name>CompoundLegend</name>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="18"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="19"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="20"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="21"/>
        <source>Critical alarm</source>
        <translation>紧急告警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="22"/>
        <source>Stale</source>
        <translation>数据超时</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="23"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="24"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="27"/>
        <source>Sensors</source>
        <translation>传感器</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="28"/>
        <source>Meters</source>
        <translation>计量表</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="29"/>
        <source>Fire and gas safety</source>
        <translation>消防与燃气安全</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="30"/>
        <source>Plant and lifts</source>
        <translation>机电设备与电梯</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="31"/>
        <source>Access and security</source>
        <translation>门禁与安防</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="33"/>
        <source>Device status</source>
        <translation>设备状态</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="34"/>
        <source>Device type</source>
        <translation>设备类型</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../ui/i18n.py" line="26"/>
        <source>Water meter</source>
        <extracomment>one table for every kind in CONTRACTS; translated in the &quot;DeviceKind&quot; context</extracomment>
        <translation>水表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27"/>
        <source>Power meter</source>
        <translation>电表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28"/>
        <source>Gas detector</source>
        <translation>燃气探测器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="29"/>
        <source>Heat meter</source>
        <translation>热量表</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30"/>
        <source>Smoke detector</source>
        <translation>烟感探测器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31"/>
        <source>Fire hydrant pressure</source>
        <translation>消火栓水压</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32"/>
        <source>Sprinkler valve</source>
        <translation>喷淋阀</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="33"/>
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="34"/>
        <source>Water pump</source>
        <translation>水泵</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="35"/>
        <source>Water tank level</source>
        <translation>水箱液位</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="36"/>
        <source>Lighting circuit</source>
        <translation>照明回路</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37"/>
        <source>Pipe pressure</source>
        <translation>管网压力</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38"/>
        <source>Transformer</source>
        <translation>变压器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39"/>
        <source>Manhole cover</source>
        <translation>井盖</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40"/>
        <source>Door access</source>
        <translation>门禁</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41"/>
        <source>Barrier gate</source>
        <translation>道闸</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42"/>
        <source>Parking space</source>
        <translation>车位</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43"/>
        <source>EV charger</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="44"/>
        <source>Camera</source>
        <translation>摄像机</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="45"/>
        <source>Microphone</source>
        <translation>拾音器</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46"/>
        <source>Panic button</source>
        <translation>紧急按钮</translation>
    </message>
</context>
<context>
    <name>DeviceSearch</name>
    <message>
        <location filename="../../ui/device_search.py" line="34"/>
        <source>Search devices by name or id…</source>
        <translation>按名称或编号搜索设备…</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="13"/>
        <source>Waiting</source>
        <translation>待派</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="14"/>
        <source>Assigned</source>
        <translation>已派</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="15"/>
        <source>Accepted</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="16"/>
        <source>On the way</source>
        <translation>在途</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="17"/>
        <source>On site</source>
        <translation>已到场</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="18"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="19"/>
        <source>Verified</source>
        <translation>已核验</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="20"/>
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="21"/>
        <source>Rejected</source>
        <translation>已拒单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="22"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="25"/>
        <source>Electrical</source>
        <translation>电工</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="26"/>
        <source>Plumbing</source>
        <translation>水工</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="27"/>
        <source>Elevator</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="28"/>
        <source>Fire</source>
        <translation>消防</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="29"/>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="30"/>
        <source>Security</source>
        <translation>安防</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="31"/>
        <source>General</source>
        <translation>综合</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="34"/>
        <source>All shifts</source>
        <translation>全部班次</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="35"/>
        <source>Day</source>
        <translation>白班</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="36"/>
        <source>Night</source>
        <translation>夜班</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="37"/>
        <source>On call</source>
        <translation>待命</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="40"/>
        <source>accept</source>
        <translation>接单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="41"/>
        <source>arrive</source>
        <translation>到场</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="42"/>
        <source>resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="46"/>
        <source>Walking time (s)</source>
        <extracomment>the cost terms of a suggestion, in the order the dispatcher reads them</extracomment>
        <translation>步行时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="47"/>
        <source>Urgency weight</source>
        <translation>紧急权重</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="48"/>
        <source>Weighted walking time (s)</source>
        <translation>加权步行时间（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="49"/>
        <source>Open orders</source>
        <translation>在办工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="50"/>
        <source>Busy penalty (s)</source>
        <translation>忙碌惩罚（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="51"/>
        <source>Old position penalty (s)</source>
        <translation>位置过旧惩罚（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="52"/>
        <source>Urgent order bonus (s)</source>
        <translation>紧急工单加成（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="53"/>
        <source>Total cost (s)</source>
        <translation>总代价（秒）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="54"/>
        <source>Dispatcher&apos;s choice</source>
        <translation>调度员指定</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65"/>
        <source>Order</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66"/>
        <source>Skill</source>
        <translation>工种</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66"/>
        <location filename="../../ui/dispatch_panel.py" line="69"/>
        <source>Technician</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66"/>
        <source>SLA</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="69"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="69"/>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="69"/>
        <source>Load</source>
        <translation>工作量</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="70"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="88"/>
        <source>Assign automatically</source>
        <translation>自动派单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="89"/>
        <source>Send each new order to the suggested technician at once; switch off to decide every assignment yourself</source>
        <translation>新工单立即派给推荐人员；关闭后每次派单由您决定</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="117"/>
        <source>Assign to selected technician</source>
        <translation>派给所选人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="120"/>
        <source>Reason for overriding the suggestion</source>
        <translation>不采用推荐的原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="121"/>
        <source>Verify</source>
        <translation>核验</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="122"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="123"/>
        <source>Cancel order</source>
        <translation>取消工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="129"/>
        <source>To accept</source>
        <translation>接单时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="129"/>
        <source>To arrive</source>
        <translation>到场时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="130"/>
        <source>To resolve</source>
        <translation>解决时长</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="130"/>
        <source>Orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="143"/>
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="146"/>
        <source>Technicians (drop an order on one to assign it)</source>
        <translation>维修人员（把工单拖到人员上即可派单）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="152"/>
        <source>Mean response times, from the order&apos;s creation</source>
        <translation>平均响应时长（自工单创建起）</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="258"/>
        <source>Select a work order and a technician first</source>
        <translation>请先选择工单和维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="273"/>
        <source>Override</source>
        <translation>改派</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="274"/>
        <source>Why %1 instead of the suggestion?</source>
        <translation>为什么派给 %1 而不是推荐人员？</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="278"/>
        <source>Not assigned: an override needs a reason</source>
        <translation>未派单：改派需要填写原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="286"/>
        <source>%1 assigned to %2</source>
        <translation>%1 已派给 %2</translation>
    </message>
</context>
<context>
    <name>FacadeCalibrator</name>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="40"/>
        <source>Facade calibration — %1</source>
        <translation>立面标定 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="42"/>
        <source>top-left</source>
        <translation>左上</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="42"/>
        <source>top-right</source>
        <translation>右上</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="43"/>
        <source>bottom-right</source>
        <translation>右下</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="43"/>
        <source>bottom-left</source>
        <translation>左下</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="70"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="71"/>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="72"/>
        <source>Lowest floor</source>
        <translation>最低楼层</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="76"/>
        <source>Reset corners</source>
        <translation>重置角点</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="153"/>
        <source>Click the facade&apos;s %1 corner.</source>
        <translation>请点击立面的%1角。</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="156"/>
        <source>These corners do not make a facade: %1</source>
        <translation>这些角点无法构成立面：%1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="159"/>
        <source>Check the grid against the windows; drag a corner to correct it, then save.</source>
        <translation>对照窗户检查网格；拖动角点修正后保存。</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="170"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>FloorPicker</name>
    <message>
        <location filename="../../ui/floor_picker.py" line="49"/>
        <source>X-ray: open one floor of a building</source>
        <translation>透视：打开楼栋的某一层</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="50"/>
        <source>Whole compound</source>
        <translation>整个小区</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="54"/>
        <source>Choose a building…</source>
        <translation>选择楼栋…</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="63"/>
        <source>Basement %1</source>
        <translation>地下 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="64"/>
        <source>Floor %1</source>
        <translation>%1 层</translation>
    </message>
</context>
<context>
    <name>HoverTips</name>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="37"/>
        <source>Residential</source>
        <translation>住宅</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="38"/>
        <source>Garage</source>
        <translation>车库</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="39"/>
        <source>Substation</source>
        <translation>配电房</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="40"/>
        <source>Pump room</source>
        <translation>水泵房</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="41"/>
        <source>Gatehouse</source>
        <translation>门卫室</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="42"/>
        <source>Clubhouse</source>
        <translation>会所</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="43"/>
        <source>Office</source>
        <translation>办公</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="90"/>
        <source>Watches %1</source>
        <translation>监视 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="94"/>
        <source>Click to open its feed</source>
        <translation>单击打开视频</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="100"/>
        <source>Technician %1</source>
        <translation>维修人员 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="112"/>
        <source>%1 floors</source>
        <translation>地上 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="114"/>
        <source>%1 basements</source>
        <translation>地下 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="121"/>
        <source>Under the pointer: %1</source>
        <translation>指针所在：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="123"/>
        <source>%1 devices · %2 open alarms</source>
        <translation>%1 台设备 · %2 条未关闭告警</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="131"/>
        <source>Outdoors</source>
        <translation>室外</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="135"/>
        <source>Room %1</source>
        <translation>%1室</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="140"/>
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="141"/>
        <source>Basement %1</source>
        <translation>地下%1层</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="155"/>
        <source>last data %1</source>
        <translation>最后数据 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="157"/>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="162"/>
        <source>unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="163"/>
        <source>Alarm: %1</source>
        <translation>告警：%1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="168"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>IngestHealthPanel</name>
    <message>
        <location filename="../../ui/ingest_health.py" line="45"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="45"/>
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="45"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="46"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="46"/>
        <source>Payload (start)</source>
        <translation>报文（开头）</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="47"/>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="47"/>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="48"/>
        <source>First topic</source>
        <translation>首次主题</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="48"/>
        <source>First payload</source>
        <translation>首条报文</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="49"/>
        <source>Rejected messages (last sample per reason)</source>
        <translation>被拒消息（每种原因的最近样本）</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="51"/>
        <source>Unknown devices (to register)</source>
        <translation>未登记设备（待登记）</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="79"/>
        <source>Messages/s: %1</source>
        <translation>消息/秒：%1</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="82"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="82"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="83"/>
        <source>Source %1: %2 — %3</source>
        <translation>数据源 %1：%2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="88"/>
        <source>Received %1, accepted %2, rejected %3, waiting for birth %4</source>
        <translation>已接收 %1，已接受 %2，已拒绝 %3，等待上线 %4</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../ui/inspector.py" line="79"/>
        <source>Click a device in the 3D view, or search above.</source>
        <translation>在三维视图中点击设备，或在上方搜索。</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="100"/>
        <source>Back to the overview</source>
        <translation>返回总览</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="124"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="124"/>
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="125"/>
        <source>Floor / room</source>
        <translation>楼层 / 房间</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="125"/>
        <source>Position (m)</source>
        <translation>坐标（米）</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="126"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="126"/>
        <source>Last report</source>
        <translation>最近上报</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="140"/>
        <source>Point</source>
        <translation>测点</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="140"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="140"/>
        <source>Normal band</source>
        <translation>正常范围</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="156"/>
        <source>waiting for readings…</source>
        <translation>等待数据…</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="157"/>
        <source>Freeze learned band</source>
        <translation>冻结学习阈值</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="159"/>
        <source>The dashed lines are the band learned from this point&apos;s history for this hour of the week. Freezing stops learning; the band stays as it is.</source>
        <translation>虚线为根据该测点历史数据学习到的本周此时段正常范围。冻结后停止学习，范围保持不变。</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="179"/>
        <source>Live values</source>
        <translation>实时数据</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="182"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="255"/>
        <source>Floor %1</source>
        <translation>%1层</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="256"/>
        <source>Basement %1</source>
        <translation>地下%1层</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="258"/>
        <source>Room %1</source>
        <translation>%1室</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="309"/>
        <source>Needs attention (%1)</source>
        <translation>需关注设备（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="358"/>
        <source>Learning: %1 of %2 readings for this hour</source>
        <translation>学习中：本时段已有 %1 / %2 个读数</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="362"/>
        <source>Learned band %1 – %2</source>
        <translation>学习阈值 %1 – %2</translation>
    </message>
</context>
<context>
    <name>L</name>
    <message>
        <location filename="../../ui/dispatch_models.py" line="169"/>
        <source>(off)</source>
        <translation>（关闭）</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../ui/layer_panel.py" line="28"/>
        <source>Roads</source>
        <extracomment>site layers offered, in panel order (layer name → source text, translated at display)</extracomment>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="29"/>
        <source>Lawns</source>
        <translation>绿地</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="30"/>
        <source>Underground garage</source>
        <translation>地下车库</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="31"/>
        <source>Parking spaces (occupancy)</source>
        <translation>车位（占用）</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="32"/>
        <source>Barrier gates</source>
        <translation>道闸</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="33"/>
        <source>EV chargers</source>
        <translation>充电桩</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="34"/>
        <source>Cameras and their views</source>
        <translation>摄像机及视野</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="35"/>
        <source>Technicians</source>
        <translation>维修人员</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="38"/>
        <source>Water</source>
        <translation>给水</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="39"/>
        <source>Gas</source>
        <translation>燃气</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="40"/>
        <source>Heating</source>
        <translation>供暖</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="41"/>
        <source>Drainage</source>
        <translation>排水</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="42"/>
        <source>Power</source>
        <translation>电力</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="45"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="46"/>
        <source>Open alarms per floor</source>
        <translation>各层未关闭告警数</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="47"/>
        <source>Water use per floor</source>
        <translation>各层用水量</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="83"/>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="84"/>
        <source>Pipe networks</source>
        <translation>管网</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="85"/>
        <source>Colour floors by</source>
        <translation>楼层着色依据</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="86"/>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../ui/i18n.py" line="51"/>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53"/>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54"/>
        <source>Stale</source>
        <translation>数据超时</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83"/>
        <source>Smart Property Control Room — %1</source>
        <extracomment>languages offered in the menu, each named in its own language (so never translated)</extracomment>
        <translation>智慧物业控制室 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>Device inspector</source>
        <translation>设备详情</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>The 3D view is not available on this machine.</source>
        <translation>本机无法显示三维视图。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>3D layers</source>
        <translation>三维图层</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Floors</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176"/>
        <source>3D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>Active alarms</source>
        <translation>当前告警</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>Data intake</source>
        <translation>数据接入</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>Alarms</source>
        <translation>告警</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>Dispatch</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>Camera wall</source>
        <translation>视频墙</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284"/>
        <source>&amp;Reset 3D view</source>
        <translation>重置三维视角(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>Device &amp;inspector</source>
        <translation>设备详情(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>&amp;Alarms</source>
        <translation>告警(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298"/>
        <source>&amp;Dispatch</source>
        <translation>调度(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>&amp;Camera wall</source>
        <translation>视频墙(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source>Takes effect at the next start</source>
        <translation>下次启动时生效</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377"/>
        <source>Language saved: %1. It takes effect at the next start.</source>
        <translation>已保存语言：%1，下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383"/>
        <source>&lt;h3&gt;Smart Property Control Room %1&lt;/h3&gt;&lt;p&gt;The control room of a residential compound: the compound in 3D, live devices, alarms and dispatch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;智慧物业控制室 %1&lt;/h3&gt;&lt;p&gt;住宅小区的监控中心：小区三维模型、设备实时状态、告警与派单。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <location filename="../../ui/mask_editor.py" line="41"/>
        <source>Privacy masks and shield zones — %1</source>
        <translation>隐私遮挡与屏蔽区 — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="65"/>
        <source>Privacy mask (blacked out at capture)</source>
        <translation>隐私遮挡（采集时即涂黑）</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="66"/>
        <source>Shield zone (detections ignored)</source>
        <translation>屏蔽区（不做检测）</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="71"/>
        <source>Click to add a vertex; double-click or Enter closes the polygon; click inside one to select it, Delete removes it; Escape drops the one being drawn.</source>
        <translation>单击添加顶点；双击或回车闭合多边形；在多边形内单击选中，Delete 删除；Esc 放弃正在绘制的多边形。</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="76"/>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="173"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="30"/>
        <location filename="../../ui/dispatch_detail.py" line="65"/>
        <source>Select a work order</source>
        <translation>请选择工单</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="37"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="37"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42"/>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="43"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="52"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="78"/>
        <source>Assigned to %1</source>
        <translation>已派给 %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="82"/>
        <source>Suggested: %1</source>
        <translation>推荐：%1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="85"/>
        <source>No suggestion yet</source>
        <translation>暂无推荐</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="104"/>
        <source>note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Point</name>
    <message>
        <location filename="../../ui/point_names.py" line="9"/>
        <source>Temperature</source>
        <translation>温度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="10"/>
        <source>Load</source>
        <translation>负载率</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="11"/>
        <source>Voltage</source>
        <translation>电压</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="12"/>
        <source>Power</source>
        <translation>功率</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="13"/>
        <source>Energy (total)</source>
        <translation>累计电量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="14"/>
        <source>Energy charged</source>
        <translation>已充电量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="15"/>
        <source>Flow</source>
        <translation>流量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="16"/>
        <source>Water (total)</source>
        <translation>累计水量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="17"/>
        <source>Heat (total)</source>
        <translation>累计热量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="18"/>
        <source>Supply temperature</source>
        <translation>供水温度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="19"/>
        <source>Return temperature</source>
        <translation>回水温度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="20"/>
        <source>Gas concentration</source>
        <translation>可燃气体浓度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="21"/>
        <source>Smoke density</source>
        <translation>烟雾浓度</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="22"/>
        <source>Battery</source>
        <translation>电池电量</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="23"/>
        <location filename="../../ui/point_names.py" line="24"/>
        <source>Pressure</source>
        <translation>压力</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="25"/>
        <source>Outlet pressure</source>
        <translation>出口压力</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="26"/>
        <source>Vibration</source>
        <translation>振动</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="27"/>
        <source>Running</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="28"/>
        <source>Level</source>
        <translation>液位</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="29"/>
        <source>Current</source>
        <translation>电流</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="30"/>
        <source>Switched on</source>
        <translation>开启</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="31"/>
        <source>Tilt</source>
        <translation>倾角</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="32"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="33"/>
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="34"/>
        <source>Forced open</source>
        <translation>强行开启</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="35"/>
        <source>Door open</source>
        <translation>门开</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="36"/>
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="37"/>
        <source>Car load</source>
        <translation>轿厢载重</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="38"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="39"/>
        <source>Occupied</source>
        <translation>占用</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="40"/>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="41"/>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="42"/>
        <source>Sound level</source>
        <translation>声级</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="43"/>
        <source>Passes</source>
        <translation>通行次数</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="44"/>
        <source>Pressed</source>
        <translation>已按下</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="38"/>
        <source>Messages received per second (5 s average)</source>
        <extracomment>the levels shown as chips, in the order an operator scans them</extracomment>
        <translation>每秒接收消息数（5 秒平均）</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="45"/>
        <source>Devices: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="57"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="57"/>
        <source>disconnected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="61"/>
        <source>%1 msg/s</source>
        <translation>%1 条/秒</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="76"/>
        <source>Simulator</source>
        <translation>模拟器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="76"/>
        <source>MQTT broker</source>
        <translation>MQTT 服务器</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="77"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="196"/>
        <source>NO SIGNAL</source>
        <extracomment>status dot colours: the same green/orange/grey the rest of the control room uses</extracomment>
        <translation>无信号</translation>
    </message>
</context>
<context>
    <name>ViewSearch</name>
    <message>
        <location filename="../../ui/view_search.py" line="35"/>
        <source>Find in 3D: id, name or room…</source>
        <translation>在三维中查找：编号、名称或房号…</translation>
    </message>
</context>
<context>
    <name>ViewpointsPanel</name>
    <message>
        <location filename="../../ui/viewpoints.py" line="48"/>
        <source>Saved views…</source>
        <translation>已保存视角…</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="49"/>
        <location filename="../../ui/viewpoints.py" line="99"/>
        <source>Save view</source>
        <translation>保存视角</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="50"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="99"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>WallToolBar</name>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="48"/>
        <source>1</source>
        <extracomment>layout name -&gt; tile cells (row, column, row span, column span); tile 0 is the main tile</extracomment>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="48"/>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="48"/>
        <source>3×3</source>
        <translation>3×3</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49"/>
        <source>4×4</source>
        <translation>4×4</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49"/>
        <source>1 large + 5</source>
        <translation>1 大 + 5 小</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="54"/>
        <source>Wall layout: %1</source>
        <translation>画面布局：%1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="60"/>
        <source>Privacy masks…</source>
        <translation>隐私遮挡…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="61"/>
        <source>Draw privacy masks and shield zones on the selected camera</source>
        <translation>在所选摄像机上绘制隐私遮挡和屏蔽区</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="64"/>
        <source>Facade calibration…</source>
        <translation>立面标定…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="65"/>
        <source>Click the facade corners of the selected camera and enter its floors and columns</source>
        <translation>点击所选摄像机画面中的立面角点，并输入层数和列数</translation>
    </message>
</context>
</TS>
