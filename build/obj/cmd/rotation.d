build/obj/cmd/rotation.o: cmd/rotation.c calendars/cal.h engine/civil.h \
 cmd/command.h cmd/exitcode.h
calendars/cal.h:
engine/civil.h:
cmd/command.h:
cmd/exitcode.h:
