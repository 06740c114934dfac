"""Dispatch: locate the fault, route and assign technicians, follow the work order.

No Qt here. Modules: ``acoustic`` (TDOA multilateration), ``nearest`` (building/floor/device
of a point), ``routing`` (walkway graph travel times), ``technicians`` (live roster),
``assignment`` (optimal order → technician suggestions), ``orders`` (lifecycle, SLA),
``repository`` (order persistence), ``service`` (``DispatchService``), ``handsets``
(simulated technicians).
"""
