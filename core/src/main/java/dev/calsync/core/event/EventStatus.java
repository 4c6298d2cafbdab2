package dev.calsync.core.event;

public enum EventStatus { CONFIRMED, TENTATIVE, CANCELLED }
