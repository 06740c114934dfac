"""Alarms: rules (static, duration/hysteresis, rate of change, learned thresholds, events,
combinations), the lifecycle of each alarm, escalation and flood grouping."""
