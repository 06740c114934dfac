<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name />
    <message>
        <location filename="../../ui/dispatch_labels.py" line="89" />
        <source>never reported</source>
        <translation>never reported</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="91" />
        <source>%1 s ago</source>
        <translation>%1 s ago</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="92" />
        <source>%1 min ago</source>
        <translation>%1 min ago</translation>
    </message>
</context>
<context>
    <name>Alarm</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="15" />
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="16" />
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="17" />
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="18" />
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="22" />
        <source>Unacknowledged</source>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="23" />
        <source>Acknowledged</source>
        <translation>Acknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="24" />
        <source>Dispatched</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="25" />
        <source>Cleared</source>
        <translation>Cleared</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="26" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="30" />
        <source>too high</source>
        <translation>too high</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="31" />
        <source>too low</source>
        <translation>too low</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="32" />
        <source>unusual for this hour</source>
        <translation>unusual for this hour</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="33" />
        <source>changing too fast</source>
        <translation>changing too fast</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="34" />
        <source>abnormal state</source>
        <translation>abnormal state</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="38" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="39" />
        <source>Welfare check (lives alone)</source>
        <translation>Welfare check (lives alone)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="40" />
        <source>Smoke</source>
        <translation>Smoke</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="41" />
        <source>Gas leak</source>
        <translation>Gas leak</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="42" />
        <source>Door forced</source>
        <translation>Door forced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="43" />
        <source>Door held open</source>
        <translation>Door held open</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="44" />
        <source>Manhole cover opened</source>
        <translation>Manhole cover opened</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="45" />
        <source>Manhole cover displaced</source>
        <translation>Manhole cover displaced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="46" />
        <location filename="../../ui/alarm_labels.py" line="47" />
        <source>Panic button</source>
        <translation>Panic button</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="48" />
        <source>Passenger trapped</source>
        <translation>Passenger trapped</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="49" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="50" />
        <source>Trip</source>
        <translation>Trip</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="51" />
        <source>Tampering</source>
        <translation>Tampering</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="52" />
        <source>Gate forced</source>
        <translation>Gate forced</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="53" />
        <source>Video loss</source>
        <translation>Video loss</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="54" />
        <source>Camera tampering</source>
        <translation>Camera tampering</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="55" />
        <source>Object thrown from height</source>
        <translation>Object thrown from height</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="56" />
        <source>Bang heard (located)</source>
        <translation>Bang heard (located)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="57" />
        <source>Impact heard (located)</source>
        <translation>Impact heard (located)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="58" />
        <source>Hiss heard (leak?)</source>
        <translation>Hiss heard (leak?)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="59" />
        <source>Pump running, no pressure</source>
        <translation>Pump running, no pressure</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="60" />
        <source>Elevator stuck</source>
        <translation>Elevator stuck</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="61" />
        <source>Hot under light load</source>
        <translation>Hot under light load</translation>
    </message>
</context>
<context>
    <name>AlarmBoard</name>
    <message>
        <location filename="../../ui/alarm_board.py" line="58" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="58" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="59" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="59" />
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="60" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="60" />
        <location filename="../../ui/alarm_board.py" line="276" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="61" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="61" />
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="76" />
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="78" />
        <source>%1 and above</source>
        <translation>%1 and above</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="81" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="82" />
        <source>Unacknowledged</source>
        <translation>Unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="83" />
        <source>Cleared, to acknowledge</source>
        <translation>Cleared, to acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="85" />
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="87" />
        <source>All buildings</source>
        <translation>All buildings</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="96" />
        <source>Search device, building, text…</source>
        <translation>Search device, building, text…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="124" />
        <source>Acknowledge (A)</source>
        <translation>Acknowledge (A)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="125" />
        <source>Shelve (S)</source>
        <translation>Shelve (S)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="126" />
        <source>Comment (C)</source>
        <translation>Comment (C)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="127" />
        <source>Silence (M)</source>
        <translation>Silence (M)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="128" />
        <source>Next (N)</source>
        <translation>Next (N)</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="205" />
        <source>%1 open, %2 unacknowledged</source>
        <translation>%1 open, %2 unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="235" />
        <location filename="../../ui/alarm_board.py" line="239" />
        <source>Shelve alarm</source>
        <translation>Shelve alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="236" />
        <source>Shelve for (minutes):</source>
        <translation>Shelve for (minutes):</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="239" />
        <source>Reason:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="247" />
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_board.py" line="247" />
        <source>Comment:</source>
        <translation>Comment:</translation>
    </message>
</context>
<context>
    <name>AlarmDetail</name>
    <message>
        <location filename="../../ui/alarm_labels.py" line="67" />
        <source>{point} {value} above {threshold}</source>
        <extracomment>app.alarms.messages.TEMPLATES, worded for the screen (placeholders stay in braces)</extracomment>
        <translation>{point} {value} above {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="68" />
        <source>{point} {value} below {threshold}</source>
        <translation>{point} {value} below {threshold}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="69" />
        <source>{point}: abnormal state ({value})</source>
        <translation>{point}: abnormal state ({value})</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="70" />
        <source>{point} {value} unusual for this hour (usual {lo}–{hi})</source>
        <translation>{point} {value} unusual for this hour (usual {lo}–{hi})</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="72" />
        <source>{point} changing {rate} per minute</source>
        <translation>{point} changing {rate} per minute</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="73" />
        <source>Device offline</source>
        <translation>Device offline</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="74" />
        <source>No data for too long</source>
        <translation>No data for too long</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="75" />
        <source>{unit} {resident}: no water use or door activity for {hours} h</source>
        <translation>{unit} {resident}: no water use or door activity for {hours} h</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="77" />
        <source>Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}</source>
        <translation>Located at ({x}, {y}, {z}) ±{uncertainty} m {where}{level}</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="103" />
        <source>cause</source>
        <extracomment>keys of an event's data, worded for the screen; others are shown as key=value</extracomment>
        <translation>cause</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="104" />
        <source>degree</source>
        <translation>degree</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="105" />
        <source>floor</source>
        <translation>floor</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="106" />
        <source>column</source>
        <translation>column</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="107" />
        <source>building</source>
        <translation>building</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="108" />
        <source>state</source>
        <translation>state</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="109" />
        <source>reason</source>
        <translation>reason</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="113" />
        <source>covered</source>
        <translation>covered</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="114" />
        <source>moved</source>
        <translation>moved</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="115" />
        <source>blurred</source>
        <translation>blurred</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_labels.py" line="134" />
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>AlarmHistory</name>
    <message>
        <location filename="../../ui/alarm_history.py" line="49" />
        <source>Search history…</source>
        <translation>Search history…</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="54" />
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="55" />
        <source>Acknowledged by</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="55" />
        <source>Time to acknowledge</source>
        <translation>Time to acknowledge</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="56" />
        <source>Time to clear</source>
        <translation>Time to clear</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="56" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/alarm_history.py" line="86" />
        <source>%1 alarms, mean time to acknowledge %2</source>
        <translation>%1 alarms, mean time to acknowledge %2</translation>
    </message>
</context>
<context>
    <name>CameraList</name>
    <message>
        <location filename="../../ui/camera_list.py" line="51" />
        <source>drag onto a tile, or double-click for the main tile</source>
        <translation>drag onto a tile, or double-click for the main tile</translation>
    </message>
</context>
<context>
    <name>CameraWall</name>
    <message>
        <location filename="../../ui/camera_wall.py" line="100" />
        <source>Cameras</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="101" />
        <source>Camera events</source>
        <translation>Camera events</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="297" />
        <source>REPLAY</source>
        <translation>REPLAY</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="336" />
        <source>Export evidence to</source>
        <translation>Export evidence to</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="343" />
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_wall.py" line="345" />
        <source>Evidence exported to %1</source>
        <translation>Evidence exported to %1</translation>
    </message>
</context>
<context>
    <name>CompoundLegend</name>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="18" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="19" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="20" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="21" />
        <source>Critical alarm</source>
        <translation>Critical alarm</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="22" />
        <source>Stale</source>
        <translation>Stale</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="23" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="24" />
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="27" />
        <source>Sensors</source>
        <translation>Sensors</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="28" />
        <source>Meters</source>
        <translation>Meters</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="29" />
        <source>Fire and gas safety</source>
        <translation>Fire and gas safety</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="30" />
        <source>Plant and lifts</source>
        <translation>Plant and lifts</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="31" />
        <source>Access and security</source>
        <translation>Access and security</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="33" />
        <source>Device status</source>
        <translation>Device status</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_legend.py" line="34" />
        <source>Device type</source>
        <translation>Device type</translation>
    </message>
</context>
<context>
    <name>DeviceKind</name>
    <message>
        <location filename="../../ui/i18n.py" line="26" />
        <source>Water meter</source>
        <extracomment>one table for every kind in CONTRACTS; translated in the "DeviceKind" context</extracomment>
        <translation>Water meter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="27" />
        <source>Power meter</source>
        <translation>Power meter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="28" />
        <source>Gas detector</source>
        <translation>Gas detector</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="29" />
        <source>Heat meter</source>
        <translation>Heat meter</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="30" />
        <source>Smoke detector</source>
        <translation>Smoke detector</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="31" />
        <source>Fire hydrant pressure</source>
        <translation>Fire hydrant pressure</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="32" />
        <source>Sprinkler valve</source>
        <translation>Sprinkler valve</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="33" />
        <source>Elevator</source>
        <translation>Elevator</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="34" />
        <source>Water pump</source>
        <translation>Water pump</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="35" />
        <source>Water tank level</source>
        <translation>Water tank level</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="36" />
        <source>Lighting circuit</source>
        <translation>Lighting circuit</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="37" />
        <source>Pipe pressure</source>
        <translation>Pipe pressure</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="38" />
        <source>Transformer</source>
        <translation>Transformer</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="39" />
        <source>Manhole cover</source>
        <translation>Manhole cover</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="40" />
        <source>Door access</source>
        <translation>Door access</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="41" />
        <source>Barrier gate</source>
        <translation>Barrier gate</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="42" />
        <source>Parking space</source>
        <translation>Parking space</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="43" />
        <source>EV charger</source>
        <translation>EV charger</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="44" />
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="45" />
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="46" />
        <source>Panic button</source>
        <translation>Panic button</translation>
    </message>
</context>
<context>
    <name>DeviceSearch</name>
    <message>
        <location filename="../../ui/device_search.py" line="34" />
        <source>Search devices by name or id…</source>
        <translation>Search devices by name or id…</translation>
    </message>
</context>
<context>
    <name>Dispatch</name>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="13" />
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="14" />
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="15" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="16" />
        <source>On the way</source>
        <translation>On the way</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="17" />
        <source>On site</source>
        <translation>On site</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="18" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="19" />
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="20" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="21" />
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="22" />
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="25" />
        <source>Electrical</source>
        <translation>Electrical</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="26" />
        <source>Plumbing</source>
        <translation>Plumbing</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="27" />
        <source>Elevator</source>
        <translation>Elevator</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="28" />
        <source>Fire</source>
        <translation>Fire</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="29" />
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="30" />
        <source>Security</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="31" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="34" />
        <source>All shifts</source>
        <translation>All shifts</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="35" />
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="36" />
        <source>Night</source>
        <translation>Night</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="37" />
        <source>On call</source>
        <translation>On call</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="40" />
        <source>accept</source>
        <translation>accept</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="41" />
        <source>arrive</source>
        <translation>arrive</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="42" />
        <source>resolve</source>
        <translation>resolve</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="46" />
        <source>Walking time (s)</source>
        <extracomment>the cost terms of a suggestion, in the order the dispatcher reads them</extracomment>
        <translation>Walking time (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="47" />
        <source>Urgency weight</source>
        <translation>Urgency weight</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="48" />
        <source>Weighted walking time (s)</source>
        <translation>Weighted walking time (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="49" />
        <source>Open orders</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="50" />
        <source>Busy penalty (s)</source>
        <translation>Busy penalty (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="51" />
        <source>Old position penalty (s)</source>
        <translation>Old position penalty (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="52" />
        <source>Urgent order bonus (s)</source>
        <translation>Urgent order bonus (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="53" />
        <source>Total cost (s)</source>
        <translation>Total cost (s)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_labels.py" line="54" />
        <source>Dispatcher's choice</source>
        <translation>Dispatcher's choice</translation>
    </message>
</context>
<context>
    <name>DispatchPanel</name>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65" />
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65" />
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="65" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66" />
        <source>Skill</source>
        <translation>Skill</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66" />
        <location filename="../../ui/dispatch_panel.py" line="69" />
        <source>Technician</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66" />
        <source>SLA</source>
        <translation>SLA</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="66" />
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="69" />
        <source>Skills</source>
        <translation>Skills</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="69" />
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="69" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="70" />
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="88" />
        <source>Assign automatically</source>
        <translation>Assign automatically</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="89" />
        <source>Send each new order to the suggested technician at once; switch off to decide every assignment yourself</source>
        <translation>Send each new order to the suggested technician at once; switch off to decide every assignment yourself</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="117" />
        <source>Assign to selected technician</source>
        <translation>Assign to selected technician</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="120" />
        <source>Reason for overriding the suggestion</source>
        <translation>Reason for overriding the suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="121" />
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="122" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="123" />
        <source>Cancel order</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="129" />
        <source>To accept</source>
        <translation>To accept</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="129" />
        <source>To arrive</source>
        <translation>To arrive</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="130" />
        <source>To resolve</source>
        <translation>To resolve</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="130" />
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="143" />
        <source>Work orders</source>
        <translation>Work orders</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="146" />
        <source>Technicians (drop an order on one to assign it)</source>
        <translation>Technicians (drop an order on one to assign it)</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="152" />
        <source>Mean response times, from the order's creation</source>
        <translation>Mean response times, from the order's creation</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="258" />
        <source>Select a work order and a technician first</source>
        <translation>Select a work order and a technician first</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="273" />
        <source>Override</source>
        <translation>Override</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="274" />
        <source>Why %1 instead of the suggestion?</source>
        <translation>Why %1 instead of the suggestion?</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="278" />
        <source>Not assigned: an override needs a reason</source>
        <translation>Not assigned: an override needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_panel.py" line="286" />
        <source>%1 assigned to %2</source>
        <translation>%1 assigned to %2</translation>
    </message>
</context>
<context>
    <name>FacadeCalibrator</name>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="40" />
        <source>Facade calibration — %1</source>
        <translation>Facade calibration — %1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="42" />
        <source>top-left</source>
        <translation>top-left</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="42" />
        <source>top-right</source>
        <translation>top-right</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="43" />
        <source>bottom-right</source>
        <translation>bottom-right</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="43" />
        <source>bottom-left</source>
        <translation>bottom-left</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="70" />
        <source>Floors</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="71" />
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="72" />
        <source>Lowest floor</source>
        <translation>Lowest floor</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="76" />
        <source>Reset corners</source>
        <translation>Reset corners</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="78" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="80" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="153" />
        <source>Click the facade's %1 corner.</source>
        <translation>Click the facade's %1 corner.</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="156" />
        <source>These corners do not make a facade: %1</source>
        <translation>These corners do not make a facade: %1</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="159" />
        <source>Check the grid against the windows; drag a corner to correct it, then save.</source>
        <translation>Check the grid against the windows; drag a corner to correct it, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/facade_calibrator.py" line="170" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>FloorPicker</name>
    <message>
        <location filename="../../ui/floor_picker.py" line="49" />
        <source>X-ray: open one floor of a building</source>
        <translation>X-ray: open one floor of a building</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="50" />
        <source>Whole compound</source>
        <translation>Whole compound</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="54" />
        <source>Choose a building…</source>
        <translation>Choose a building…</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="63" />
        <source>Basement %1</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../ui/floor_picker.py" line="64" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
</context>
<context>
    <name>HoverTips</name>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="37" />
        <source>Residential</source>
        <translation>Residential</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="38" />
        <source>Garage</source>
        <translation>Garage</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="39" />
        <source>Substation</source>
        <translation>Substation</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="40" />
        <source>Pump room</source>
        <translation>Pump room</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="41" />
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="42" />
        <source>Clubhouse</source>
        <translation>Clubhouse</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="43" />
        <source>Office</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="90" />
        <source>Watches %1</source>
        <translation>Watches %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="94" />
        <source>Click to open its feed</source>
        <translation>Click to open its feed</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="100" />
        <source>Technician %1</source>
        <translation>Technician %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="112" />
        <source>%1 floors</source>
        <translation>%1 floors</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="114" />
        <source>%1 basements</source>
        <translation>%1 basements</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="121" />
        <source>Under the pointer: %1</source>
        <translation>Under the pointer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="123" />
        <source>%1 devices · %2 open alarms</source>
        <translation>%1 devices · %2 open alarms</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="131" />
        <source>Outdoors</source>
        <translation>Outdoors</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="135" />
        <source>Room %1</source>
        <translation>Room %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="140" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="141" />
        <source>Basement %1</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="155" />
        <source>last data %1</source>
        <translation>last data %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="157" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="162" />
        <source>unacknowledged</source>
        <translation>unacknowledged</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="163" />
        <source>Alarm: %1</source>
        <translation>Alarm: %1</translation>
    </message>
    <message>
        <location filename="../../ui/compound_view_tooltip.py" line="168" />
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>IngestHealthPanel</name>
    <message>
        <location filename="../../ui/ingest_health.py" line="45" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="45" />
        <source>Count</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="45" />
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="46" />
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="46" />
        <source>Payload (start)</source>
        <translation>Payload (start)</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="47" />
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="47" />
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="48" />
        <source>First topic</source>
        <translation>First topic</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="48" />
        <source>First payload</source>
        <translation>First payload</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="49" />
        <source>Rejected messages (last sample per reason)</source>
        <translation>Rejected messages (last sample per reason)</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="51" />
        <source>Unknown devices (to register)</source>
        <translation>Unknown devices (to register)</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="79" />
        <source>Messages/s: %1</source>
        <translation>Messages/s: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="82" />
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="82" />
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="83" />
        <source>Source %1: %2 — %3</source>
        <translation>Source %1: %2 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/ingest_health.py" line="88" />
        <source>Received %1, accepted %2, rejected %3, waiting for birth %4</source>
        <translation>Received %1, accepted %2, rejected %3, waiting for birth %4</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <location filename="../../ui/inspector.py" line="79" />
        <source>Click a device in the 3D view, or search above.</source>
        <translation>Click a device in the 3D view, or search above.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="100" />
        <source>Back to the overview</source>
        <translation>Back to the overview</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="124" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="124" />
        <source>Building</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="125" />
        <source>Floor / room</source>
        <translation>Floor / room</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="125" />
        <source>Position (m)</source>
        <translation>Position (m)</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="126" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="126" />
        <source>Last report</source>
        <translation>Last report</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="140" />
        <source>Point</source>
        <translation>Point</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="140" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="140" />
        <source>Normal band</source>
        <translation>Normal band</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="156" />
        <source>waiting for readings…</source>
        <translation>waiting for readings…</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="157" />
        <source>Freeze learned band</source>
        <translation>Freeze learned band</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="159" />
        <source>The dashed lines are the band learned from this point's history for this hour of the week. Freezing stops learning; the band stays as it is.</source>
        <translation>The dashed lines are the band learned from this point's history for this hour of the week. Freezing stops learning; the band stays as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="179" />
        <source>Live values</source>
        <translation>Live values</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="182" />
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="255" />
        <source>Floor %1</source>
        <translation>Floor %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="256" />
        <source>Basement %1</source>
        <translation>Basement %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="258" />
        <source>Room %1</source>
        <translation>Room %1</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="309" />
        <source>Needs attention (%1)</source>
        <translation>Needs attention (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="358" />
        <source>Learning: %1 of %2 readings for this hour</source>
        <translation>Learning: %1 of %2 readings for this hour</translation>
    </message>
    <message>
        <location filename="../../ui/inspector.py" line="362" />
        <source>Learned band %1 – %2</source>
        <translation>Learned band %1 – %2</translation>
    </message>
</context>
<context>
    <name>L</name>
    <message>
        <location filename="../../ui/dispatch_models.py" line="169" />
        <source>(off)</source>
        <translation>(off)</translation>
    </message>
</context>
<context>
    <name>LayerPanel</name>
    <message>
        <location filename="../../ui/layer_panel.py" line="28" />
        <source>Roads</source>
        <extracomment>site layers offered, in panel order (layer name → source text, translated at display)</extracomment>
        <translation>Roads</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="29" />
        <source>Lawns</source>
        <translation>Lawns</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="30" />
        <source>Underground garage</source>
        <translation>Underground garage</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="31" />
        <source>Parking spaces (occupancy)</source>
        <translation>Parking spaces (occupancy)</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="32" />
        <source>Barrier gates</source>
        <translation>Barrier gates</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="33" />
        <source>EV chargers</source>
        <translation>EV chargers</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="34" />
        <source>Cameras and their views</source>
        <translation>Cameras and their views</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="35" />
        <source>Technicians</source>
        <translation>Technicians</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="38" />
        <source>Water</source>
        <translation>Water</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="39" />
        <source>Gas</source>
        <translation>Gas</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="40" />
        <source>Heating</source>
        <translation>Heating</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="41" />
        <source>Drainage</source>
        <translation>Drainage</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="42" />
        <source>Power</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="45" />
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="46" />
        <source>Open alarms per floor</source>
        <translation>Open alarms per floor</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="47" />
        <source>Water use per floor</source>
        <translation>Water use per floor</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="83" />
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="84" />
        <source>Pipe networks</source>
        <translation>Pipe networks</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="85" />
        <source>Colour floors by</source>
        <translation>Colour floors by</translation>
    </message>
    <message>
        <location filename="../../ui/layer_panel.py" line="86" />
        <source>Devices</source>
        <translation>Devices</translation>
    </message>
</context>
<context>
    <name>Level</name>
    <message>
        <location filename="../../ui/i18n.py" line="51" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="52" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="53" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="54" />
        <source>Stale</source>
        <translation>Stale</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="55" />
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../ui/i18n.py" line="56" />
        <source>No data</source>
        <translation>No data</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="83" />
        <source>Smart Property Control Room — %1</source>
        <extracomment>languages offered in the menu, each named in its own language (so never translated)</extracomment>
        <translation>Smart Property Control Room — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94" />
        <source>Device inspector</source>
        <translation>Device inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149" />
        <source>The 3D view is not available on this machine.</source>
        <translation>The 3D view is not available on this machine.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>3D layers</source>
        <translation>3D layers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>Floors</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="176" />
        <source>3D view</source>
        <translation>3D view</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190" />
        <source>Active alarms</source>
        <translation>Active alarms</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191" />
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>Data intake</source>
        <translation>Data intake</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195" />
        <source>Alarms</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207" />
        <source>Dispatch</source>
        <translation>Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230" />
        <source>Camera wall</source>
        <translation>Camera wall</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="277" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="283" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="284" />
        <source>&amp;Reset 3D view</source>
        <translation>&amp;Reset 3D view</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289" />
        <source>Device &amp;inspector</source>
        <translation>Device &amp;inspector</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="292" />
        <source>&amp;Alarms</source>
        <translation>&amp;Alarms</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="298" />
        <source>&amp;Dispatch</source>
        <translation>&amp;Dispatch</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>&amp;Camera wall</source>
        <translation>&amp;Camera wall</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305" />
        <source>&amp;Full screen</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310" />
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320" />
        <source>Takes effect at the next start</source>
        <translation>Takes effect at the next start</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="324" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="325" />
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="377" />
        <source>Language saved: %1. It takes effect at the next start.</source>
        <translation>Language saved: %1. It takes effect at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="382" />
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="383" />
        <source>&lt;h3&gt;Smart Property Control Room %1&lt;/h3&gt;&lt;p&gt;The control room of a residential compound: the compound in 3D, live devices, alarms and dispatch.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Smart Property Control Room %1&lt;/h3&gt;&lt;p&gt;The control room of a residential compound: the compound in 3D, live devices, alarms and dispatch.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <location filename="../../ui/mask_editor.py" line="41" />
        <source>Privacy masks and shield zones — %1</source>
        <translation>Privacy masks and shield zones — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="65" />
        <source>Privacy mask (blacked out at capture)</source>
        <translation>Privacy mask (blacked out at capture)</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="66" />
        <source>Shield zone (detections ignored)</source>
        <translation>Shield zone (detections ignored)</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="71" />
        <source>Click to add a vertex; double-click or Enter closes the polygon; click inside one to select it, Delete removes it; Escape drops the one being drawn.</source>
        <translation>Click to add a vertex; double-click or Enter closes the polygon; click inside one to select it, Delete removes it; Escape drops the one being drawn.</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="76" />
        <source>Delete selected</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="78" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="80" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/mask_editor.py" line="173" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="30" />
        <location filename="../../ui/dispatch_detail.py" line="65" />
        <source>Select a work order</source>
        <translation>Select a work order</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="37" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="37" />
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="42" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="43" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="52" />
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="78" />
        <source>Assigned to %1</source>
        <translation>Assigned to %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="82" />
        <source>Suggested: %1</source>
        <translation>Suggested: %1</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="85" />
        <source>No suggestion yet</source>
        <translation>No suggestion yet</translation>
    </message>
    <message>
        <location filename="../../ui/dispatch_detail.py" line="104" />
        <source>note</source>
        <translation>note</translation>
    </message>
</context>
<context>
    <name>Point</name>
    <message>
        <location filename="../../ui/point_names.py" line="9" />
        <source>Temperature</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="10" />
        <source>Load</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="11" />
        <source>Voltage</source>
        <translation>Voltage</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="12" />
        <source>Power</source>
        <translation>Power</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="13" />
        <source>Energy (total)</source>
        <translation>Energy (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="14" />
        <source>Energy charged</source>
        <translation>Energy charged</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="15" />
        <source>Flow</source>
        <translation>Flow</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="16" />
        <source>Water (total)</source>
        <translation>Water (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="17" />
        <source>Heat (total)</source>
        <translation>Heat (total)</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="18" />
        <source>Supply temperature</source>
        <translation>Supply temperature</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="19" />
        <source>Return temperature</source>
        <translation>Return temperature</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="20" />
        <source>Gas concentration</source>
        <translation>Gas concentration</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="21" />
        <source>Smoke density</source>
        <translation>Smoke density</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="22" />
        <source>Battery</source>
        <translation>Battery</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="23" />
        <location filename="../../ui/point_names.py" line="24" />
        <source>Pressure</source>
        <translation>Pressure</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="25" />
        <source>Outlet pressure</source>
        <translation>Outlet pressure</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="26" />
        <source>Vibration</source>
        <translation>Vibration</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="27" />
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="28" />
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="29" />
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="30" />
        <source>Switched on</source>
        <translation>Switched on</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="31" />
        <source>Tilt</source>
        <translation>Tilt</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="32" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="33" />
        <source>Fault</source>
        <translation>Fault</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="34" />
        <source>Forced open</source>
        <translation>Forced open</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="35" />
        <source>Door open</source>
        <translation>Door open</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="36" />
        <source>Floor</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="37" />
        <source>Car load</source>
        <translation>Car load</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="38" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="39" />
        <source>Occupied</source>
        <translation>Occupied</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="40" />
        <source>Frame rate</source>
        <translation>Frame rate</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="41" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="42" />
        <source>Sound level</source>
        <translation>Sound level</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="43" />
        <source>Passes</source>
        <translation>Passes</translation>
    </message>
    <message>
        <location filename="../../ui/point_names.py" line="44" />
        <source>Pressed</source>
        <translation>Pressed</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../ui/status_bar.py" line="38" />
        <source>Messages received per second (5 s average)</source>
        <extracomment>the levels shown as chips, in the order an operator scans them</extracomment>
        <translation>Messages received per second (5 s average)</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="45" />
        <source>Devices: %1</source>
        <translation>Devices: %1</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="57" />
        <source>connected</source>
        <translation>connected</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="57" />
        <source>disconnected</source>
        <translation>disconnected</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="61" />
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="76" />
        <source>Simulator</source>
        <translation>Simulator</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="76" />
        <source>MQTT broker</source>
        <translation>MQTT broker</translation>
    </message>
    <message>
        <location filename="../../ui/status_bar.py" line="77" />
        <source>Replay</source>
        <translation>Replay</translation>
    </message>
</context>
<context>
    <name>VideoTile</name>
    <message>
        <location filename="../../widgets/video_tile.py" line="196" />
        <source>NO SIGNAL</source>
        <extracomment>status dot colours: the same green/orange/grey the rest of the control room uses</extracomment>
        <translation>NO SIGNAL</translation>
    </message>
</context>
<context>
    <name>ViewSearch</name>
    <message>
        <location filename="../../ui/view_search.py" line="35" />
        <source>Find in 3D: id, name or room…</source>
        <translation>Find in 3D: id, name or room…</translation>
    </message>
</context>
<context>
    <name>ViewpointsPanel</name>
    <message>
        <location filename="../../ui/viewpoints.py" line="48" />
        <source>Saved views…</source>
        <translation>Saved views…</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="49" />
        <location filename="../../ui/viewpoints.py" line="99" />
        <source>Save view</source>
        <translation>Save view</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="50" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/viewpoints.py" line="99" />
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>WallToolBar</name>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="48" />
        <source>1</source>
        <extracomment>layout name -&gt; tile cells (row, column, row span, column span); tile 0 is the main tile</extracomment>
        <translation>1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="48" />
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="48" />
        <source>3×3</source>
        <translation>3×3</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49" />
        <source>4×4</source>
        <translation>4×4</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="49" />
        <source>1 large + 5</source>
        <translation>1 large + 5</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="54" />
        <source>Wall layout: %1</source>
        <translation>Wall layout: %1</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="60" />
        <source>Privacy masks…</source>
        <translation>Privacy masks…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="61" />
        <source>Draw privacy masks and shield zones on the selected camera</source>
        <translation>Draw privacy masks and shield zones on the selected camera</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="64" />
        <source>Facade calibration…</source>
        <translation>Facade calibration…</translation>
    </message>
    <message>
        <location filename="../../ui/camera_toolbar.py" line="65" />
        <source>Click the facade corners of the selected camera and enter its floors and columns</source>
        <translation>Click the facade corners of the selected camera and enter its floors and columns</translation>
    </message>
</context>
</TS>