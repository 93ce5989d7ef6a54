import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserAccount } from '../users/user-account.entity';
import { LoginController } from './login.controller';
import { LoginService } from './login.service';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [TypeOrmModule.forFeature([UserAccount])],
  controllers: [LoginController],
  providers: [LoginService, LoginThrottle],
  exports: [LoginThrottle],
})
export class LoginModule {}
