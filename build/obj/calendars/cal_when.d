build/obj/calendars/cal_when.o: calendars/cal_when.c calendars/cal_int.h \
 calendars/cal.h engine/civil.h engine/status.h
calendars/cal_int.h:
calendars/cal.h:
engine/civil.h:
engine/status.h:
