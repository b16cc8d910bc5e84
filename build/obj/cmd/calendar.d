build/obj/cmd/calendar.o: cmd/calendar.c calendars/cal.h engine/civil.h \
 cmd/command.h cmd/exitcode.h engine/status.h engine/xmalloc.h
calendars/cal.h:
engine/civil.h:
cmd/command.h:
cmd/exitcode.h:
engine/status.h:
engine/xmalloc.h:
