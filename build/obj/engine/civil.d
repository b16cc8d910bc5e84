build/obj/engine/civil.o: engine/civil.c engine/civil.h
engine/civil.h:
