import { Injectable } from '@nestjs/common';
import { Database, NotFound } from '@bss/platform';
import { currentAuth } from '@bss/policies';
import { assertIdFormat, ORDER_ID_PATTERN, SERVICE_ID_PATTERN, TASK_ID_PATTERN } from '#orders/domain/order.ids';
import { FaultRuleEntity, ProvisioningTaskEntity } from '#orders/domain/provisioning-task.entity';
import type { TaskState } from '#orders/domain/provisioning-task.state';
import { toFaultRuleView, toTaskView, type FaultRuleView, type TaskView } from '#orders/domain/order.views';

export interface TaskListFilter {
  state?: TaskState;
  /** An RFS id (its tasks) or a CFS id (the tasks of its RFS). */
  serviceId?: string;
  commercialOrderId?: string;
  limit?: number;
}

@Injectable()
export class ProvisioningQueries {
  constructor(private readonly db: Database) {}

  /** Newest first. */
  async listTasks(filter: TaskListFilter = {}): Promise<TaskView[]> {
    if (filter.serviceId) assertIdFormat('serviceId', filter.serviceId, SERVICE_ID_PATTERN, 'SVC-0001');
    if (filter.commercialOrderId) assertIdFormat('commercialOrderId', filter.commercialOrderId, ORDER_ID_PATTERN, 'ORD-0001');
    const qb = this.db.manager
      .createQueryBuilder(ProvisioningTaskEntity, 't')
      .where('t.tenantId = :tenant', { tenant: currentAuth().tenant })
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .limit(Math.min(Math.max(filter.limit ?? 50, 1), 1000));
    if (filter.state) qb.andWhere('t.state = :state', { state: filter.state });
    if (filter.commercialOrderId) qb.andWhere('t.commercialOrderId = :orderId', { orderId: filter.commercialOrderId });
    if (filter.serviceId) {
      qb.andWhere(`(t.serviceId = :serviceId or t.serviceId in (select s.id from orders.service s where s.parent_service_id = :serviceId))`, {
        serviceId: filter.serviceId,
      });
    }
    return (await qb.getMany()).map(toTaskView);
  }

  async getTask(taskId: string): Promise<TaskView> {
    assertIdFormat('taskId', taskId, TASK_ID_PATTERN, 'PTK-0001');
    const task = await this.db.manager.findOne(ProvisioningTaskEntity, { where: { id: taskId, tenantId: currentAuth().tenant } });
    if (!task) throw new NotFound('provisioning_task', taskId);
    return toTaskView(task);
  }

  async listFaultRules(): Promise<FaultRuleView[]> {
    const rules = await this.db.manager.find(FaultRuleEntity, { where: { tenantId: currentAuth().tenant }, order: { taskType: 'ASC', faultType: 'ASC' } });
    return rules.map(toFaultRuleView);
  }
}
