import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoginModule } from '../login/login.module';
import { UserAccount } from '../users/user-account.entity';
import { StaffAccountsController } from './staff-accounts.controller';
import { StaffAccountsService } from './staff-accounts.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserAccount]), LoginModule],
  controllers: [StaffAccountsController],
  providers: [StaffAccountsService],
})
export class StaffModule {}
