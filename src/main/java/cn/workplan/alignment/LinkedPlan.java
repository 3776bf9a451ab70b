package cn.workplan.alignment;

import cn.workplan.plan.PlanStatus;

/** A plan whose items carry out points of an upper-level document, with how many links it has to it. */
public record LinkedPlan(long id, int year, String title, PlanStatus status, int links) {
}
